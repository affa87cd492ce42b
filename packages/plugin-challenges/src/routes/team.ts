import type { Context, Hono } from 'hono'
import { and, eq, ne } from 'drizzle-orm'
import { z } from 'zod'
import { currentUser, httpError, renderRefusal, setFlash, type DistritoEnv, type PluginContext, vars } from '@distrito/core'
import { users } from '@distrito/core/db'
import { parseForm } from '@distrito/core/ui'
import { submissionOf } from '../domain/submission-access.js'
import { partnerOptions } from '../domain/team.js'
import { teamMembers, teamOrganizations } from '../schema.js'
import { editable, loadSubmission } from './load-submission.js'

const memberSchema = z.object({ email: z.email().trim().toLowerCase() })
const partnerSchema = z.object({ organizationId: z.string().min(1).max(64) })

/** The lead manages the team while the entry may change: people and partner organizations. */
export function teamRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  const { services } = ctx

  /** The entry, for its lead, while it may still change; otherwise the refusal to send. */
  async function forLead(c: Context<DistritoEnv>) {
    currentUser(c)
    const l = await loadSubmission(c)
    const back = `/challenges/${l.challenge.slug}/submissions/${l.submission.id}#team-heading`
    if (!l.mine.lead) httpError(403)
    const refusal = editable(l) ? null : await renderRefusal(c, 409, { title: c.get('t')('challenges.submission.manageTeam'), reason: c.get('t')('challenges.submission.editClosed'), back })
    return { l, back, refusal }
  }

  app.post('/:slug/submissions/:id/team', async (c) => {
    const { t, db } = vars(c)
    const { l, back, refusal } = await forLead(c)
    if (refusal) return refusal
    const form = await parseForm(c, memberSchema)
    const [person] = form.ok ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, form.data.email)) : []
    if (!form.ok || !person) return renderRefusal(c, 422, { title: t('challenges.submission.addMember'), reason: form.ok ? t('challenges.submission.noSuchPerson') : form.errors.email ?? '', back })
    const elsewhere = await submissionOf(db, l.challenge.id, person.id)
    if (elsewhere && elsewhere.id !== l.submission.id) return renderRefusal(c, 409, { title: t('challenges.submission.addMember'), reason: t('challenges.submission.onAnotherTeam'), back })
    await services.transaction(async (tx) => {
      await tx.insert(teamMembers).values({ submissionId: l.submission.id, userId: person.id, role: 'member' }).onConflictDoNothing()
      await services.notify(tx, { kind: 'challenges.receipt', to: { users: [person.id] }, message: 'challenges.notice.addedToTeam', params: { item: l.challenge.title, title: l.submission.title }, href: back.replace(/#.*$/, ''), actorId: c.get('auth').user!.id })
    })
    setFlash(c, 'success', 'challenges.submission.memberAdded', { name: person.name })
    return c.redirect(back, 303)
  })

  app.post('/:slug/submissions/:id/team/remove', async (c) => {
    const { l, back, refusal } = await forLead(c)
    if (refusal) return refusal
    const userId = String((await c.req.parseBody()).userId ?? '')
    await c.get('db').delete(teamMembers).where(and(eq(teamMembers.submissionId, l.submission.id), eq(teamMembers.userId, userId), eq(teamMembers.role, 'member')))
    setFlash(c, 'success', 'challenges.submission.memberRemoved')
    return c.redirect(back, 303)
  })

  app.post('/:slug/submissions/:id/organizations', async (c) => {
    const { l, back, refusal } = await forLead(c)
    if (refusal) return refusal
    const form = await parseForm(c, partnerSchema)
    const allowed = form.ok && (await partnerOptions(c.get('db'), l.submission)).some((o) => o.id === form.data.organizationId)
    if (!form.ok || !allowed) return renderRefusal(c, 422, { title: c.get('t')('challenges.submission.addPartner'), reason: c.get('t')('challenges.submission.addPartnerHint'), back })
    await c.get('db').insert(teamOrganizations).values({ submissionId: l.submission.id, organizationId: form.data.organizationId }).onConflictDoNothing()
    setFlash(c, 'success', 'challenges.submission.partnerAdded')
    return c.redirect(back, 303)
  })

  app.post('/:slug/submissions/:id/organizations/remove', async (c) => {
    const { l, back, refusal } = await forLead(c)
    if (refusal) return refusal
    const organizationId = String((await c.req.parseBody()).organizationId ?? '')
    // The organization the team submits as stays; partners may leave.
    await c.get('db').delete(teamOrganizations).where(and(eq(teamOrganizations.submissionId, l.submission.id), eq(teamOrganizations.organizationId, organizationId), l.submission.organizationId ? ne(teamOrganizations.organizationId, l.submission.organizationId) : undefined))
    setFlash(c, 'success', 'challenges.submission.partnerRemoved')
    return c.redirect(back, 303)
  })
}
