/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { AI_CAPABILITIES, ORGANIZATION_KINDS, type DistrictConfig, type Locale, vars } from '@distrito/core'
import { CheckboxField, CheckboxGroup, Form, RadioGroup, SelectField, SubmitButton, TextArea, TextField, useDistrito, type FieldErrors, type FormValues } from '@distrito/core/ui'
import { DEFAULT_PHASE_SETTINGS } from '../domain/phases.js'
import { CONFIGURABLE_PHASES, IP_TERMS, PARTICIPATION, PHASE_FEATURES, REWARD_KINDS, VISIBILITIES, type Challenge } from '../schema.js'

/** The form's values for a saved challenge (dates as calendar days in the district's zone). */
export function challengeValues(c: Challenge, extra: { tags: { sector: string[]; capability: string[]; reward: string[] }; cosponsors: { slug: string }[]; invited: { slug: string }[] }, config: DistrictConfig): FormValues {
  const day = (d: Date | null, end = false) => (d ? new Date(d.getTime() - (end ? 1 : 0)).toLocaleDateString('en-CA', { timeZone: config.timeZone }) : '')
  return {
    ...c,
    rewardAmount: c.rewardAmount ?? '',
    sectors: extra.tags.sector,
    capabilities: extra.tags.capability,
    rewardKinds: extra.tags.reward,
    eligibleCountries: c.eligibleCountries.join(', '),
    cosponsors: extra.cosponsors.map((o) => o.slug).join('\n'),
    invited: extra.invited.map((o) => o.slug).join('\n'),
    ndaRequired: c.ndaRequired ? 'on' : undefined,
    blindReview: c.blindReview ? 'on' : undefined,
    publicVote: c.publicVote ? 'on' : undefined,
    opensOn: day(c.opensAt),
    closesOn: day(c.closesAt, true),
    evaluationEndsOn: day(c.evaluationEndsAt, true),
    resultsOn: day(c.resultsAt),
    ...phaseValues(c.phaseSettings),
  }
}

export function phaseValues(settings = DEFAULT_PHASE_SETTINGS): FormValues {
  return Object.fromEntries(CONFIGURABLE_PHASES.map((phase) => [`phase_${phase}`, PHASE_FEATURES.filter((f) => settings[phase][f])]))
}

export const NEW_CHALLENGE_VALUES: FormValues = { participation: 'both', ipTerms: 'solver_keeps', visibility: 'public', currency: 'COP', ...phaseValues() }

/** Creating and editing a challenge: the problem, who may take part, what it offers, its terms and dates. */
export function ChallengeForm(props: { action: string; values: FormValues; errors?: FieldErrors; submitLabel: string; cancel: string }) {
  const c = useDistrito()
  const { t, district, locale } = vars(c)
  const { values, errors } = props
  const field = (name: string) => ({ name, label: t(`challenges.field.${name}`), value: values[name], error: errors?.[name] })
  const hint = (name: string) => t(`challenges.hint.${name}`)
  return (
    <Form action={props.action} errors={errors}>
      <fieldset class="challenges-form-section">
        <legend>{t('challenges.form.problemSection')}</legend>
        <TextField {...field('title')} required maxLength={140} />
        <TextArea {...field('summary')} hint={hint('summary')} required rows={3} maxLength={300} />
        <TextArea {...field('problem')} hint={hint('problem')} required rows={8} maxLength={8000} />
        <TextArea {...field('context')} hint={hint('context')} rows={5} maxLength={8000} />
        <TextArea {...field('expectedResults')} rows={4} maxLength={4000} />
        {district.config.sectors.length ? (
          <CheckboxGroup {...field('sectors')} options={district.config.sectors.map((s) => ({ value: s.id, label: s.name[locale as Locale] }))} />
        ) : null}
        <CheckboxGroup {...field('capabilities')} hint={hint('capabilities')} options={AI_CAPABILITIES.map((v) => ({ value: v, label: t(`core.org.ai.${v}`) }))} />
        <TextArea {...field('dataDescription')} hint={hint('dataDescription')} rows={4} maxLength={4000} />
      </fieldset>
      <fieldset class="challenges-form-section">
        <legend>{t('challenges.form.eligibilitySection')}</legend>
        <RadioGroup {...field('participation')} required options={PARTICIPATION.map((v) => ({ value: v, label: t(`challenges.participation.${v}`) }))} />
        <CheckboxGroup {...field('eligibleKinds')} hint={hint('eligibleKinds')} options={ORGANIZATION_KINDS.map((v) => ({ value: v, label: t(`core.org.kind.${v}`) }))} />
        <TextField {...field('eligibleCountries')} hint={hint('eligibleCountries')} maxLength={300} />
        <RadioGroup {...field('visibility')} required options={VISIBILITIES.map((v) => ({ value: v, label: t(`challenges.visibility.${v}`), hint: t(`challenges.visibility.${v}Hint`) }))} />
        <TextArea {...field('invited')} hint={hint('invited')} rows={3} />
        <TextArea {...field('cosponsors')} hint={hint('cosponsors')} rows={2} />
      </fieldset>
      <fieldset class="challenges-form-section">
        <legend>{t('challenges.form.rewardSection')}</legend>
        <CheckboxGroup {...field('rewardKinds')} required options={REWARD_KINDS.map((v) => ({ value: v, label: t(`challenges.reward.${v}`) }))} />
        <TextArea {...field('rewardSummary')} hint={hint('rewardSummary')} required rows={3} maxLength={1000} />
        <TextField {...field('rewardAmount')} type="number" inputMode="numeric" hint={hint('rewardAmount')} />
        <SelectField {...field('currency')} required options={[{ value: 'COP', label: 'COP' }, { value: 'USD', label: 'USD' }]} />
        <RadioGroup {...field('ipTerms')} required options={IP_TERMS.map((v) => ({ value: v, label: t(`challenges.ip.${v}`), hint: t(`challenges.ip.${v}Hint`) }))} />
        <CheckboxField {...field('ndaRequired')} checked={values.ndaRequired} />
        <TextArea {...field('ndaText')} hint={hint('ndaText')} rows={4} maxLength={8000} />
      </fieldset>
      <fieldset class="challenges-form-section">
        <legend>{t('challenges.form.datesSection')}</legend>
        <p class="hint">{t('challenges.hint.dates', { zone: district.config.timeZone })}</p>
        <TextField {...field('opensOn')} type="date" required />
        <TextField {...field('closesOn')} type="date" required hint={hint('closesOn')} />
        <TextField {...field('evaluationEndsOn')} type="date" />
        <TextField {...field('resultsOn')} type="date" />
      </fieldset>
      <fieldset class="challenges-form-section">
        <legend>{t('challenges.form.evaluationSection')}</legend>
        <CheckboxField {...field('blindReview')} checked={values.blindReview} hint={hint('blindReview')} />
        <CheckboxField {...field('publicVote')} checked={values.publicVote} hint={hint('publicVote')} />
        <p class="hint">{t('challenges.hint.phases')}</p>
        {CONFIGURABLE_PHASES.map((phase) => (
          <CheckboxGroup name={`phase_${phase}`} label={t(`challenges.state.${phase}`)} value={values[`phase_${phase}`]} error={errors?.[`phase_${phase}`]} inline
            options={PHASE_FEATURES.map((f) => ({ value: f, label: t(`challenges.feature.${f}`) }))} />
        ))}
      </fieldset>
      <div class="actions">
        <SubmitButton>{props.submitLabel}</SubmitButton>
        <a href={props.cancel}>{t('core.action.cancel')}</a>
      </div>
    </Form>
  )
}
