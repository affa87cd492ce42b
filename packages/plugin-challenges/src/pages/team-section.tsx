/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { displayName } from '@distrito/core'
import { Form, SelectField, SubmitButton, TextField, useDistrito } from '@distrito/core/ui'

/** The lead's controls over the team: people by email, partner organizations from the team's own. */
export function TeamSection(props: {
  path: string
  editable: boolean
  members: { id: string; name: string; deletedAt: Date | null; role: string }[]
  organizations: { id: string; name: string }[]
  partners: { id: string; name: string }[]
}) {
  const t = useDistrito().get('t')
  const others = props.members.filter((m) => m.role !== 'lead')
  const remove = (action: string, field: string, value: string, label: string) => (
    <form method="post" action={`${props.path}/${action}`} class="inline-form">
      <input type="hidden" name={field} value={value} />
      <button type="submit" class="button button--secondary button--small">{label}</button>
    </form>
  )
  return (
    <section class="section" aria-labelledby="team-heading">
      <h2 id="team-heading">{t('challenges.submission.manageTeam')}</h2>
      {props.editable ? (
        <>
          <Form action={`${props.path}/team`}>
            <TextField name="email" type="email" label={t('challenges.submission.addMember')} hint={t('challenges.submission.addMemberHint')} required autocomplete="off" />
            <SubmitButton variant="secondary">{t('challenges.submission.add')}</SubmitButton>
          </Form>
          {others.length ? (
            <ul class="list">
              {others.map((m) => <li class="list-item">{displayName(m, t)}{remove('team/remove', 'userId', m.id, t('challenges.submission.removeMember', { name: displayName(m, t) }))}</li>)}
            </ul>
          ) : null}
          <h3>{t('challenges.submission.organizations')}</h3>
          {props.organizations.length ? (
            <ul class="list">
              {props.organizations.map((o, i) => <li class="list-item">{o.name}{i > 0 ? remove('organizations/remove', 'organizationId', o.id, t('challenges.submission.removeMember', { name: o.name })) : <span class="badge">{t('challenges.submission.lead')}</span>}</li>)}
            </ul>
          ) : null}
          {props.partners.length ? (
            <Form action={`${props.path}/organizations`}>
              <SelectField name="organizationId" label={t('challenges.submission.addPartner')} hint={t('challenges.submission.addPartnerHint')} required placeholder={t('core.form.choose')} options={props.partners.map((o) => ({ value: o.id, label: o.name }))} />
              <SubmitButton variant="secondary">{t('challenges.submission.add')}</SubmitButton>
            </Form>
          ) : <p class="hint">{t('challenges.submission.addPartnerHint')}</p>}
        </>
      ) : <p>{t('challenges.submission.teamLocked')}</p>}
    </section>
  )
}
