/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono'
import { changedFields, currentUser, httpError, setFlash, type DistritoEnv, type PluginContext, vars } from '@distrito/core'
import { EmptyState, PageHeader, parseForm, type FieldErrors, type FormValues } from '@distrito/core/ui'
import { challengeInputSchema, type ChallengeInput } from '../domain/challenge-input.js'
import { TERMS_EDITABLE_STATES, inStates } from '../domain/phases.js'
import { createChallenge, relatedOrganizations, resolveOrganizations, tagsOf, updateChallenge } from '../domain/challenge-service.js'
import { ChallengeForm, NEW_CHALLENGE_VALUES, challengeValues } from '../pages/challenge-form.js'
import { loadForStaff } from './load.js'

/** Organization slugs that exist, or field errors naming the ones that do not. */
async function relations(c: Context<DistritoEnv>, input: ChallengeInput, errors: FieldErrors) {
  const [cosponsors, invited] = await Promise.all([resolveOrganizations(c.get('db'), input.cosponsors), resolveOrganizations(c.get('db'), input.invited)])
  if (cosponsors.unknown.length) errors.cosponsors = c.get('t')('challenges.form.unknownOrganizations', { slugs: cosponsors.unknown.join(', ') })
  if (invited.unknown.length) errors.invited = c.get('t')('challenges.form.unknownOrganizations', { slugs: invited.unknown.join(', ') })
  return { cosponsors: cosponsors.ids, invited: invited.ids }
}

export function challengeEditingRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  const schema = challengeInputSchema(ctx.config)

  /** The sponsor is the organization the person acts for; creating needs its admin role. */
  function sponsorOf(c: Context<DistritoEnv>) {
    currentUser(c)
    const { auth, can } = vars(c)
    return auth.organization && can('challenges:create') ? auth.organization : null
  }

  const renderNew = (c: Context<DistritoEnv>, values: FormValues, errors?: FieldErrors) => {
    const { t } = vars(c)
    const sponsor = sponsorOf(c)
    if (errors) c.status(422)
    return c.render(
      <>
        <PageHeader title={t('challenges.new.title')} lead={sponsor ? t('challenges.new.lead', { sponsor: sponsor.name }) : undefined} />
        {sponsor ? <ChallengeForm action="/challenges/new" values={values} errors={errors} submitLabel={t('challenges.new.save')} cancel="/challenges" />
          : <EmptyState title={t('challenges.new.needOrganization')} body={t('challenges.new.needOrganizationHint')} action={<a class="button" href="/account">{t('challenges.new.chooseOrganization')}</a>} />}
      </>,
      { title: t('challenges.new.title'), noindex: true },
    )
  }

  app.get('/new', (c) => renderNew(c, NEW_CHALLENGE_VALUES))

  app.post('/new', async (c) => {
    const user = currentUser(c)
    const sponsor = sponsorOf(c)
    if (!sponsor) httpError(403)
    const form = await parseForm(c, schema)
    if (!form.ok) return renderNew(c, form.values, form.errors)
    const errors: FieldErrors = {}
    const related = await relations(c, form.data, errors)
    if (Object.keys(errors).length) return renderNew(c, form.values, errors)
    const { slug } = await ctx.services.transaction((tx) => createChallenge(tx, ctx.services, form.data, related, sponsor.id, user.id, c.get('t')('challenges.round.defaultName')))
    setFlash(c, 'success', 'challenges.new.saved')
    return c.redirect(`/challenges/${slug}/manage`, 303)
  })

  const renderEdit = (c: Context<DistritoEnv>, slug: string, title: string, values: FormValues, errors?: FieldErrors) => {
    const { t } = vars(c)
    if (errors) c.status(422)
    return c.render(
      <>
        <PageHeader title={t('challenges.edit.title', { title })} />
        <ChallengeForm action={`/challenges/${slug}/edit`} values={values} errors={errors} submitLabel={t('challenges.edit.save')} cancel={`/challenges/${slug}/manage`} />
      </>,
      { title: t('challenges.edit.title', { title }), noindex: true },
    )
  }

  app.get('/:slug/edit', async (c) => {
    const { challenge, state } = await loadForStaff(c)
    if (!inStates(TERMS_EDITABLE_STATES, state)) httpError(409)
    const [tags, related] = await Promise.all([tagsOf(c.get('db'), challenge.id), relatedOrganizations(c.get('db'), challenge.id)])
    return renderEdit(c, challenge.slug, challenge.title, challengeValues(challenge, { tags, ...related }, ctx.config))
  })

  app.post('/:slug/edit', async (c) => {
    const user = currentUser(c)
    const { challenge, state } = await loadForStaff(c)
    if (!inStates(TERMS_EDITABLE_STATES, state)) httpError(409)
    const form = await parseForm(c, schema)
    if (!form.ok) return renderEdit(c, challenge.slug, challenge.title, form.values, form.errors)
    const errors: FieldErrors = {}
    // Once published, the deadline may move later but the opening date of an open call may not.
    if (state === 'open' && form.data.fields.opensAt.getTime() !== challenge.opensAt.getTime()) errors.opensOn = c.get('t')('challenges.form.openedAlready')
    const related = await relations(c, form.data, errors)
    if (Object.keys(errors).length) return renderEdit(c, challenge.slug, challenge.title, form.values, errors)
    const changes = changedFields(challenge, form.data.fields)
    await ctx.services.transaction((tx) => updateChallenge(tx, ctx.services, challenge.id, state, form.data, related, user.id, challenge.sponsorId, changes))
    setFlash(c, 'success', 'challenges.edit.saved')
    return c.redirect(`/challenges/${challenge.slug}/manage`, 303)
  })
}
