/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { AI_CAPABILITIES, INVESTOR_TYPES, ORGANIZATION_KINDS, ORGANIZATION_SIZES } from '../../db/schema/organizations.js'
import { CheckboxField, CheckboxGroup, Form, RadioGroup, SelectField, SubmitButton, TextArea, TextField } from '../../ui/components/form.js'
import { useDistrito } from '../../ui/context.js'
import type { FieldErrors, FormValues } from '../../ui/forms/parse-form.js'
import { countryOptions } from '../countries.js'
import { DESCRIPTION_MAX, NAME_MAX } from '../organization-schema.js'

/** The organization profile form, for creating and for editing; works without JavaScript. */
export function OrganizationForm(props: { action: string; values: FormValues; errors?: FieldErrors; submit: string }) {
  const request = useDistrito()
  const t = request.get('t')
  const locale = request.get('locale')
  const district = request.get('district')
  const { values, errors } = props
  const { sectors, subregions } = district.config
  const aiOptions = AI_CAPABILITIES.map((value) => ({ value, label: t(`core.org.ai.${value}`) }))
  return (
    <Form action={props.action} errors={errors}>
      <TextField name="name" label={t('core.org.name')} value={values.name} error={errors?.name} required maxLength={NAME_MAX} autocomplete="organization" />
      <RadioGroup name="kind" label={t('core.org.kind')} value={values.kind} error={errors?.kind} required
        options={ORGANIZATION_KINDS.map((value) => ({ value, label: t(`core.org.kind.${value}`), hint: t(`core.org.kindHint.${value}`) }))} />
      <CheckboxField name="isAnchor" label={t('core.org.isAnchor')} hint={t('core.org.isAnchorHint')} checked={values.isAnchor} error={errors?.isAnchor} />
      <SelectField name="investorType" label={t('core.org.investorType')} hint={t('core.org.investorTypeHint')} value={values.investorType} error={errors?.investorType}
        placeholder={t('core.form.choose')} options={INVESTOR_TYPES.map((value) => ({ value, label: t(`core.org.investorType.${value}`) }))} />
      <SelectField name="country" label={t('core.org.country')} value={values.country ?? 'CO'} error={errors?.country} required options={countryOptions(locale)} />
      <TextField name="legalId" label={t('core.org.legalId')} hint={t('core.org.legalIdHint')} value={values.legalId} error={errors?.legalId} maxLength={40} />
      <TextField name="city" label={t('core.org.city')} value={values.city} error={errors?.city} maxLength={80} autocomplete="address-level2" />
      {subregions.length ? (
        <SelectField name="subregion" label={t('core.org.subregion')} hint={t('core.org.subregionHint')} value={values.subregion} error={errors?.subregion}
          placeholder={t('core.form.choose')} options={subregions.map((s) => ({ value: s.id, label: s.name[locale] }))} />
      ) : null}
      {sectors.length ? (
        <CheckboxGroup name="sectors" label={t('core.org.sectors')} hint={t('core.org.sectorsHint')} value={values.sectors} error={errors?.sectors}
          options={sectors.map((s) => ({ value: s.id, label: s.name[locale] }))} />
      ) : null}
      <TextField name="website" type="url" label={t('core.org.website')} hint={t('core.org.websiteHint')} value={values.website} error={errors?.website} maxLength={200} autocomplete="url" />
      <TextArea name="description" label={t('core.org.description')} hint={t('core.form.charactersLeft', { max: DESCRIPTION_MAX })} value={values.description} error={errors?.description} maxLength={DESCRIPTION_MAX} rows={6} />
      <SelectField name="size" label={t('core.org.size')} value={values.size} error={errors?.size} placeholder={t('core.form.choose')}
        options={ORGANIZATION_SIZES.map((value) => ({ value, label: t('core.org.sizeOption', { size: value }) }))} />
      <TextField name="foundedYear" type="text" inputMode="numeric" label={t('core.org.foundedYear')} value={values.foundedYear} error={errors?.foundedYear} maxLength={4} />
      <CheckboxGroup name="aiOffered" label={t('core.org.aiOffered')} hint={t('core.org.aiOfferedHint')} value={values.aiOffered} error={errors?.aiOffered} options={aiOptions} />
      <CheckboxGroup name="aiSought" label={t('core.org.aiSought')} hint={t('core.org.aiSoughtHint')} value={values.aiSought} error={errors?.aiSought} options={aiOptions} />
      <SubmitButton>{props.submit}</SubmitButton>
    </Form>
  )
}

/** Form values from a stored organization, for the edit page. */
export function organizationValues(org: Record<string, unknown> & { sectors: string[] }): FormValues {
  return { ...org, isAnchor: org.isAnchor ? 'on' : undefined, foundedYear: org.foundedYear ?? '' }
}
