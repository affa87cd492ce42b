/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono'
import { randomUUID } from 'node:crypto'
import { and, asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { currentUser, endOfDay, httpError, renderRefusal, setFlash, type DistritoEnv, type PluginContext, vars } from '@distrito/core'
import { Form, PageHeader, SelectField, SubmitButton, TableRegion, TextField, optionalText, parseForm, useDistrito, type FieldErrors, type FormValues } from '@distrito/core/ui'
import { giveAward } from '../domain/results-service.js'
import { AWARDING_STATES, RESULTS_STATES, inStates } from '../domain/phases.js'
import { standings } from '../domain/evaluation.js'
import { ChallengeTabs } from '../pages/challenge-tabs.js'
import { REWARD_KINDS, awards, milestones, rounds, submissions } from '../schema.js'
import { type ResultsData, challengeWithResults, resultsShownTo } from '../domain/results-lists.js'
import { SUBMISSION_SUBJECT } from '../domain/submission-service.js'
import { loadChallengePageWith, loadForStaff, loadForStaffWith, type LoadedChallenge } from './load.js'
import { loadSubmission } from './load-submission.js'


const awardSchema = z.object({
  submissionId: z.string().min(1, 'challenges.award.chooseEntry').max(64),
  rewardKind: z.enum(REWARD_KINDS),
  description: z.string().trim().min(3).max(300),
  amount: optionalText(z.coerce.number().int().min(0).max(1e13)),
})
const feedbackSchema = z.object({ feedback: z.string().trim().max(8000) })
const milestoneSchema = z.object({ title: z.string().trim().min(3).max(200), dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'challenges.form.date') })
const milestoneDoneSchema = z.object({ note: z.string().trim().max(1000) })

function AwardList(props: { data: ResultsData; currency: string; removable?: string }) {
  const request = useDistrito()
  const t = request.get('t')
  const format = request.get('format')
  if (!props.data.given.length) return <p>{t('challenges.results.noAwards')}</p>
  return (
    <ul class="card-list">
      {props.data.given.map((a) => {
        const pilot = props.data.pilots.get(a.submissionId)
        return (
          <li class="card">
            <h3 class="card-title">{a.description}</h3>
            <p><span class="state-badge">{t(`challenges.reward.${a.rewardKind}`)}</span>{a.amount != null ? ` ${format.money(a.amount, props.currency)}` : ''}</p>
            <p>{a.title}</p>
            <span class="meta">{a.organization ? <a href={`/orgs/${a.organizationSlug}`}>{a.organization}</a> : a.lead}</span>
            {pilot ? <span class="meta">{t('challenges.results.pilotProgress', { done: pilot.done, total: pilot.total })}</span> : null}
            {props.removable ? (
              <form method="post" action={`${props.removable}/${a.id}/remove`} class="inline-form">
                <button type="submit" class="button button--secondary button--small">{t('challenges.award.remove', { award: a.description })}</button>
              </form>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}

/** The entries of the last round reached, ranked by the judges' mean: for the people running it. */
async function rankingOf(ctx: PluginContext, challenge: { id: string; currentRound: number }) {
  const [round] = await ctx.db.select().from(rounds).where(and(eq(rounds.challengeId, challenge.id), eq(rounds.position, challenge.currentRound)))
  return round ? standings(ctx.db, round) : []
}

export function resultsRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  const { services } = ctx

  /** The page, with its results as they were read with the challenge (`challengeWithResults`). */
  const render = async (c: Context<DistritoEnv>, l: LoadedChallenge & { lists: ResultsData }, award?: { values: FormValues; errors: FieldErrors }) => {
    const { t } = vars(c)
    const { challenge: ch, state, access } = l
    if (!resultsShownTo(l)) httpError(404)
    const published = inStates(RESULTS_STATES, state)
    const data = l.lists
    const [entries, ranking] = await Promise.all([
      access.staff && inStates(AWARDING_STATES, state)
        ? ctx.db.select({ id: submissions.id, title: submissions.title }).from(submissions).where(and(eq(submissions.challengeId, ch.id), eq(submissions.status, 'submitted'))).orderBy(sql`${submissions.round} DESC`, asc(submissions.title)).limit(500)
        : Promise.resolve([]),
      access.staff ? rankingOf(ctx, ch) : Promise.resolve([]),
    ])
    if (award) c.status(422)
    return c.render(
      <>
        <PageHeader title={t('challenges.results.title', { title: ch.title })} lead={published ? t('challenges.results.lead') : t('challenges.results.notYet')} />
        <ChallengeTabs slug={ch.slug} current="results" access={access} state={state} publicVote={ch.publicVote} />
        <section class="section" aria-labelledby="awards-heading">
          <h2 id="awards-heading">{t('challenges.results.awards')}</h2>
          <AwardList data={data} currency={ch.currency} removable={access.staff && state === 'evaluation' ? `/challenges/${ch.slug}/awards` : undefined} />
        </section>
        {ranking.length ? (
          <section class="section" aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">{t('challenges.results.ranking')}</h2>
            <p class="hint">{t('challenges.results.rankingHint')}</p>
            <TableRegion caption={t('challenges.results.ranking')} id="ranking">
              <thead><tr><th scope="col">{t('challenges.standings.rank')}</th><th scope="col">{t('challenges.submission.title')}</th><th scope="col" class="numeric">{t('challenges.standings.mean')}</th><th scope="col">{t('challenges.results.awards')}</th></tr></thead>
              <tbody>
                {ranking.map((r, i) => (
                  <tr>
                    <td>{r.mean === null ? '—' : i + 1}</td>
                    <td><a href={`/challenges/${ch.slug}/submissions/${r.submissionId}`}>{r.title}</a></td>
                    <td class="numeric">{r.mean === null ? '—' : c.get('format').number(r.mean)}</td>
                    <td>{data.given.filter((a) => a.submissionId === r.submissionId).map((a) => a.description).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          </section>
        ) : null}
        {data.tally.length ? (
          <section class="section" aria-labelledby="vote-heading">
            <h2 id="vote-heading">{t('challenges.vote.resultsTitle')}</h2>
            <ol>{data.tally.map((v) => <li>{v.title}: {t('challenges.vote.count', { count: v.count })}</li>)}</ol>
          </section>
        ) : null}
        {entries.length ? (
          <section class="section" aria-labelledby="give-heading">
            <h2 id="give-heading">{t('challenges.award.give')}</h2>
            <p class="hint">{t(published ? 'challenges.award.announcedNow' : 'challenges.award.privateUntilResults')}</p>
            <Form action={`/challenges/${ch.slug}/awards`} errors={award?.errors}>
              <SelectField name="submissionId" label={t('challenges.award.entry')} value={award?.values.submissionId} error={award?.errors.submissionId} required placeholder={t('core.form.choose')} options={entries.map((e) => ({ value: e.id, label: e.title }))} />
              <SelectField name="rewardKind" label={t('challenges.award.kind')} value={award?.values.rewardKind} error={award?.errors.rewardKind} required options={REWARD_KINDS.map((k) => ({ value: k, label: t(`challenges.reward.${k}`) }))} />
              <TextField name="description" label={t('challenges.award.description')} hint={t('challenges.award.descriptionHint')} value={award?.values.description} error={award?.errors.description} required maxLength={300} />
              <TextField name="amount" type="number" inputMode="numeric" label={t('challenges.award.amount', { currency: ch.currency })} value={award?.values.amount} error={award?.errors.amount} />
              <SubmitButton>{t('challenges.award.button')}</SubmitButton>
            </Form>
          </section>
        ) : null}
      </>,
      { title: t('challenges.results.title', { title: ch.title }), noindex: ch.visibility === 'private' || !published },
    )
  }

  app.get('/:slug/results', async (c) => {
    return render(c, await loadChallengePageWith(c, challengeWithResults))
  })

  app.post('/:slug/awards', async (c) => {
    const user = currentUser(c)
    const { t } = vars(c)
    const l = await loadForStaffWith(c, challengeWithResults)
    const back = `/challenges/${l.challenge.slug}/results`
    if (!inStates(AWARDING_STATES, l.state)) return renderRefusal(c, 409, { title: t('challenges.award.give'), reason: t('challenges.award.notNow'), back })
    const form = await parseForm(c, awardSchema)
    if (!form.ok) return render(c, l, form)
    const given = await services.transaction((tx) => giveAward(tx, services, l.challenge, l.state, { ...form.data, amount: form.data.amount ?? null }, user.id))
    if (!given) return render(c, l, { values: form.values, errors: { submissionId: t('challenges.award.chooseEntry') } })
    setFlash(c, 'success', 'challenges.award.given')
    return c.redirect(back, 303)
  })

  // Until results are out an award is private, so a mistaken one can still be taken back.
  app.post('/:slug/awards/:awardId/remove', async (c) => {
    const user = currentUser(c)
    const { t } = vars(c)
    const l = await loadForStaff(c)
    const back = `/challenges/${l.challenge.slug}/results`
    if (l.state !== 'evaluation') return renderRefusal(c, 409, { title: t('challenges.award.give'), reason: t('challenges.award.announced'), back })
    const removed = await services.transaction(async (tx) => {
      const [award] = await tx.delete(awards).where(and(eq(awards.id, c.req.param('awardId')), eq(awards.challengeId, l.challenge.id))).returning()
      if (award) await services.audit.record(tx, { actorId: user.id, action: 'challenges.award.withdrawn', subject: { type: SUBMISSION_SUBJECT, id: award.submissionId }, organizationId: l.challenge.sponsorId, note: award.description })
      return Boolean(award)
    })
    if (!removed) httpError(404)
    setFlash(c, 'success', 'challenges.award.removed')
    return c.redirect(back, 303)
  })

  // ——— Feedback and pilot milestones, on a team's page ———
  app.post('/:slug/submissions/:id/feedback', async (c) => {
    const user = currentUser(c)
    const l = await loadSubmission(c)
    if (!l.access.staff) httpError(403)
    const form = await parseForm(c, feedbackSchema)
    const back = `/challenges/${l.challenge.slug}/submissions/${l.submission.id}#staff-heading`
    if (!form.ok) return renderRefusal(c, 422, { title: c.get('t')('challenges.feedback.title'), reason: form.errors.feedback ?? '', back })
    await services.transaction(async (tx) => {
      await tx.update(submissions).set({ feedback: form.data.feedback }).where(eq(submissions.id, l.submission.id))
      await services.audit.record(tx, { actorId: user.id, action: 'challenges.submission.feedbackWritten', subject: { type: SUBMISSION_SUBJECT, id: l.submission.id }, organizationId: l.challenge.sponsorId })
    })
    setFlash(c, 'success', 'challenges.feedback.saved')
    return c.redirect(back, 303)
  })

  app.post('/:slug/submissions/:id/milestones', async (c) => {
    currentUser(c)
    const { t } = vars(c)
    const l = await loadSubmission(c)
    if (!l.access.staff) httpError(403)
    const back = `/challenges/${l.challenge.slug}/submissions/${l.submission.id}#pilot-heading`
    const [pilot] = await ctx.db.select({ id: awards.id }).from(awards).where(and(eq(awards.submissionId, l.submission.id), eq(awards.rewardKind, 'paid_pilot'))).limit(1)
    if (!pilot) return renderRefusal(c, 409, { title: t('challenges.pilot.title'), reason: t('challenges.pilot.noPilot'), back })
    const form = await parseForm(c, milestoneSchema)
    if (!form.ok) return renderRefusal(c, 422, { title: t('challenges.pilot.add'), reason: Object.values(form.errors).join(' '), back })
    await ctx.db.insert(milestones).values({ id: randomUUID(), submissionId: l.submission.id, title: form.data.title, dueAt: endOfDay(form.data.dueOn, ctx.config.timeZone) })
    setFlash(c, 'success', 'challenges.pilot.added')
    return c.redirect(back, 303)
  })

  app.post('/:slug/submissions/:id/milestones/:milestoneId/done', async (c) => {
    const user = currentUser(c)
    const l = await loadSubmission(c)
    if (!l.access.staff && !l.mine.team) httpError(403)
    const form = await parseForm(c, milestoneDoneSchema)
    const done = await services.transaction(async (tx) => {
      const rows = await tx.update(milestones).set({ doneAt: new Date(), note: form.ok ? form.data.note : '' })
        .where(and(eq(milestones.id, c.req.param('milestoneId')), eq(milestones.submissionId, l.submission.id), sql`${milestones.doneAt} IS NULL`)).returning({ title: milestones.title })
      if (rows.length) {
        await services.audit.record(tx, { actorId: user.id, action: 'challenges.pilot.milestoneDone', subject: { type: SUBMISSION_SUBJECT, id: l.submission.id }, organizationId: l.challenge.sponsorId, note: rows[0]!.title })
        await services.notify(tx, { kind: 'challenges.results', to: { organization: { id: l.challenge.sponsorId, minRole: 'admin' } }, message: 'challenges.notice.milestone', params: { item: l.submission.title, title: rows[0]!.title }, href: `/challenges/${l.challenge.slug}/submissions/${l.submission.id}#pilot-heading`, actorId: user.id })
      }
      return rows.length > 0
    })
    if (!done) httpError(404)
    setFlash(c, 'success', 'challenges.pilot.marked')
    return c.redirect(`/challenges/${l.challenge.slug}/submissions/${l.submission.id}#pilot-heading`, 303)
  })
}

