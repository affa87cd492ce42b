/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { RadioGroup, TextArea, TextField, useDistrito, type FieldErrors, type FormValues } from '@distrito/core/ui'

/** A form's fields: empty on the challenge page, refilled with what was sent after an error. */
interface Filled {
  values?: FormValues
  errors?: FieldErrors
}

/** A question to the sponsor. */
export function QuestionFields({ values, errors }: Filled) {
  const t = useDistrito().get('t')
  return <TextArea name="body" label={t('challenges.faq.ask')} hint={t('challenges.faq.askHint')} value={values?.body} error={errors?.body} required rows={3} maxLength={2000} />
}

/** The staff's answer to a question, public (in the FAQ) or private (to the asker). */
export function AnswerFields({ values, errors }: Filled) {
  const t = useDistrito().get('t')
  return (
    <>
      <TextArea name="answer" label={t('challenges.answer.label')} value={values?.answer} error={errors?.answer} required rows={3} maxLength={4000} />
      <RadioGroup name="answerVisibility" label={t('challenges.answer.visibility')} value={values?.answerVisibility ?? 'public'} error={errors?.answerVisibility} inline required
        options={[{ value: 'public', label: t('challenges.answer.public') }, { value: 'private', label: t('challenges.answer.private') }]} />
    </>
  )
}

/** An update the sponsor posts to followers. */
export function UpdateFields({ values, errors }: Filled) {
  const t = useDistrito().get('t')
  return (
    <>
      <TextField name="title" label={t('challenges.updates.newTitle')} value={values?.title} error={errors?.title} required maxLength={140} />
      <TextArea name="body" label={t('challenges.updates.body')} value={values?.body} error={errors?.body} required rows={4} maxLength={4000} />
    </>
  )
}
