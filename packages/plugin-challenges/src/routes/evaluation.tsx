/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono'
import { and, asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { currentUser, httpError, renderRefusal, setFlash, type DistritoEnv, type PluginContext, vars } from '@distrito/core'
import { prepared, users } from '@distrito/core/db'
import { manyOf, pageOf, pageParam, pageWindow, parseForm, validate, type FieldErrors, type FormValues } from '@distrito/core/ui'
import { STANDINGS_PAGE_SIZES, findForSetup, findWithRounds, hasConflict, judgeProgress, roundsOf, standings, wantedRound, type RoundWithCriteria } from '../domain/evaluation.js'
import { rubricSchema, scoreSchema } from '../domain/evaluation-input.js'
import { RESULTS_STATES, inStates } from '../domain/phases.js'
import { addRound, assignRound, recuse, saveEvaluation, saveRubric, shortlist } from '../domain/evaluation-service.js'
import { EvaluationPage, type EvaluationPageData } from '../pages/evaluation-page.js'
import { EvaluationSetupPage, type EvaluationSetupData } from '../pages/evaluation-setup-page.js'
import { ScoringPage } from '../pages/scoring-page.js'
import { assignments, judges, scores, submissions } from '../schema.js'
import { CHALLENGE_SUBJECT } from '../workflow.js'
import { loadChallengePageWith, loadForStaff, loadForStaffWith, type LoadedChallenge } from './load.js'
import { scoringFinder } from '../domain/scoring-read.js'

const emailSchema = z.object({ email: z.email().trim().toLowerCase() })
const roundSchema = z.object({ name: z.string().trim().min(2).max(80) })
const recuseSchema = z.object({ reason: z.string().trim().min(5, 'challenges.recuse.reasonShort').max(1000) })
const shortlistSchema = z.object({ submission: manyOf(z.string().max(64), { min: 1 }) })

// The evaluation page's own reads for the person viewing it: built once.
const myAssignments = prepared((db) =>
  db.select({ submissionId: assignments.submissionId, status: assignments.status, total: assignments.total, title: submissions.title }).from(assignments)
    .innerJoin(submissions, eq(submissions.id, assignments.submissionId))
    .where(and(eq(assignments.roundId, sql.placeholder('roundId')), eq(assignments.judgeId, sql.placeholder('userId')))).orderBy(asc(submissions.submittedAt))
    .prepare(),
)
const anyScore = prepared((db) => db.select({ r: scores.roundId }).from(scores).where(eq(scores.roundId, sql.placeholder('roundId'))).limit(1).prepare())

type SetupPanel = NonNullable<NonNullable<Awaited<ReturnType<typeof findForSetup>>>['lists']['panel']>

/** Rounds a route has already read, and the one a page must show (else the one `?round=` asks for). */
interface KnownRounds {
  all: RoundWithCriteria[]
  shown?: RoundWithCriteria
}

export function evaluationRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  const { services } = ctx

  /** The round a page shows: `?round=` if it names one, else the current round. */
  function selectedRound(c: Context<DistritoEnv>, l: LoadedChallenge, all: RoundWithCriteria[]) {
    const wanted = wantedRound(c.req.query('round')) ?? l.challenge.currentRound
    return all.find((r) => r.position === wanted) ?? all.find((r) => r.position === l.challenge.currentRound) ?? all[0]!
  }

  /**
   * The rounds and the one an evaluation page shows. A form sent with a mistake hands over the
   * rounds it already read, and the round it was for, so the page shows that round and reads
   * them once.
   */
  async function roundsToShow(c: Context<DistritoEnv>, l: LoadedChallenge, known?: KnownRounds) {
    const all = known?.all ?? (await roundsOf(c.get('db'), l.challenge.id))
    return { all, round: known?.shown ?? selectedRound(c, l, all) }
  }

  const renderStandings = async (c: Context<DistritoEnv>, l: LoadedChallenge, problems: EvaluationPageData['problems'] = {}, known?: KnownRounds) => {
    const { db, auth } = vars(c)
    const { all, round } = await roundsToShow(c, l, known)
    const page = pageParam.parse(c.req.query('page'))
    const perPage = STANDINGS_PAGE_SIZES.parse(c.req.query('per'))
    const [table, mine] = await Promise.all([
      l.access.staff ? standings(db, round, pageWindow(page, perPage)) : Promise.resolve([]),
      // Removing a judge removes their assignments, so only a seat on the panel can have any.
      l.access.judge ? myAssignments(db).all({ roundId: round.id, userId: auth.user!.id }) : Promise.resolve([]),
    ])
    const data: EvaluationPageData = Object.assign({}, l, { rounds: all, round, standings: pageOf(table, page, perPage, STANDINGS_PAGE_SIZES.choices), mine, problems })
    if (problems.shortlist) c.status(422)
    return c.render(<EvaluationPage data={data} />, { title: c.get('t')('challenges.evaluation.title', { title: l.challenge.title }), noindex: true })
  }

  /** The judges-and-rubric page; `read` is the panel its finder read with the challenge, used when it is the shown round's. */
  const renderSetup = async (c: Context<DistritoEnv>, l: LoadedChallenge, problems: EvaluationSetupData['problems'] = {}, known?: KnownRounds, read?: SetupPanel | null) => {
    const { db } = vars(c)
    const { all, round } = await roundsToShow(c, l, known)
    const [panel, rubricLocked] = read && read.round === round.position
      ? [read.judges, read.rubricLocked]
      : await Promise.all([judgeProgress(db, l.challenge.id, round.id), anyScore(db).all({ roundId: round.id }).then((rows) => rows.length > 0)])
    const data: EvaluationSetupData = Object.assign({}, l, { rounds: all, round, judges: panel, rubricLocked, problems })
    if (problems.rubric || problems.judge || problems.round) c.status(422)
    return c.render(<EvaluationSetupPage data={data} />, { title: c.get('t')('challenges.setup.title', { title: l.challenge.title }), noindex: true })
  }

  app.get('/:slug/evaluation', async (c) => {
    currentUser(c)
    const l = await loadChallengePageWith(c, findWithRounds)
    if (!l.access.staff && !l.access.judge) httpError(403)
    return renderStandings(c, l, {}, { all: l.lists.rounds })
  })

  app.get('/:slug/evaluation/setup', async (c) => {
    currentUser(c)
    const wanted = wantedRound(c.req.query('round'))
    const l = await loadForStaffWith(c, (db, slug, who) => findForSetup(db, slug, who, { wanted }))
    return renderSetup(c, l, {}, { all: l.lists.rounds }, l.lists.panel)
  })

  const roundFromBody = (all: RoundWithCriteria[], body: Record<string, unknown>) => all.find((r) => r.id === body.round)

  app.post('/:slug/evaluation/rubric', async (c) => {
    const user = currentUser(c)
    const l = await loadForStaff(c)
    const body = (await c.req.parseBody({ all: true })) as FormValues
    const all = await roundsOf(c.get('db'), l.challenge.id)
    const round = roundFromBody(all, body)
    if (!round) httpError(404)
    const back = `/challenges/${l.challenge.slug}/evaluation/setup?round=${round.position}`
    if (inStates(RESULTS_STATES, l.state)) return renderRefusal(c, 409, { title: c.get('t')('challenges.rubric.title'), reason: c.get('t')('challenges.rubric.locked'), back })
    const form = validate(c, rubricSchema, body)
    if (!form.ok) return renderSetup(c, l, { rubric: { values: body, errors: form.errors } }, { all, shown: round })
    const saved = await services.transaction((tx) => saveRubric(tx, services, l.challenge, round, form.data, user.id))
    if (!saved) return renderRefusal(c, 409, { title: c.get('t')('challenges.rubric.title'), reason: c.get('t')('challenges.rubric.locked'), back })
    setFlash(c, 'success', 'challenges.rubric.saved')
    return c.redirect(back, 303)
  })

  app.post('/:slug/evaluation/rounds', async (c) => {
    currentUser(c)
    const l = await loadForStaff(c)
    if (inStates(RESULTS_STATES, l.state)) httpError(409)
    const form = await parseForm(c, roundSchema)
    if (!form.ok) return renderSetup(c, l, { round: form.errors })
    const position = await services.transaction((tx) => addRound(tx, l.challenge.id, form.data.name))
    setFlash(c, 'success', 'challenges.round.added')
    return c.redirect(`/challenges/${l.challenge.slug}/evaluation/setup?round=${position}`, 303)
  })

  app.post('/:slug/evaluation/judges', async (c) => {
    const user = currentUser(c)
    const { t, db } = vars(c)
    const l = await loadForStaff(c)
    const form = await parseForm(c, emailSchema)
    const [person] = form.ok ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, form.data.email)) : []
    if (!form.ok || !person) return renderSetup(c, l, { judge: form.ok ? t('challenges.judges.noSuchPerson') : form.errors.email })
    await services.transaction(async (tx) => {
      const added = await tx.insert(judges).values({ challengeId: l.challenge.id, userId: person.id }).onConflictDoNothing().returning({ u: judges.userId })
      if (!added.length) return
      await services.audit.record(tx, { actorId: user.id, action: 'challenges.evaluation.judgeAdded', subject: { type: CHALLENGE_SUBJECT, id: l.challenge.id }, organizationId: l.challenge.sponsorId, note: person.name })
      await services.notify(tx, { kind: 'challenges.judging', to: { users: [person.id] }, message: 'challenges.notice.judge', params: { item: l.challenge.title }, href: `/challenges/${l.challenge.slug}/evaluation`, actorId: user.id })
    })
    setFlash(c, 'success', 'challenges.judges.added', { name: person.name })
    return c.redirect(`/challenges/${l.challenge.slug}/evaluation/setup#judges-heading`, 303)
  })

  app.post('/:slug/evaluation/judges/remove', async (c) => {
    const user = currentUser(c)
    const l = await loadForStaff(c)
    const judgeId = String((await c.req.parseBody()).userId ?? '')
    const back = `/challenges/${l.challenge.slug}/evaluation/setup#judges-heading`
    const removed = await services.transaction(async (tx) => {
      const [done] = await tx.select({ j: assignments.judgeId }).from(assignments).innerJoin(submissions, eq(submissions.id, assignments.submissionId))
        .where(and(eq(assignments.judgeId, judgeId), eq(submissions.challengeId, l.challenge.id), eq(assignments.status, 'done'))).limit(1)
      if (done) return false
      await tx.run(sql`DELETE FROM ${assignments} WHERE ${assignments.judgeId} = ${judgeId} AND ${assignments.submissionId} IN (SELECT ${submissions.id} FROM ${submissions} WHERE ${submissions.challengeId} = ${l.challenge.id})`)
      const rows = await tx.delete(judges).where(and(eq(judges.challengeId, l.challenge.id), eq(judges.userId, judgeId))).returning({ u: judges.userId })
      if (rows.length) await services.audit.record(tx, { actorId: user.id, action: 'challenges.evaluation.judgeRemoved', subject: { type: CHALLENGE_SUBJECT, id: l.challenge.id }, organizationId: l.challenge.sponsorId })
      return true
    })
    if (!removed) return renderRefusal(c, 409, { title: c.get('t')('challenges.judges.title'), reason: c.get('t')('challenges.judges.hasScored'), back })
    setFlash(c, 'success', 'challenges.judges.removed')
    return c.redirect(back, 303)
  })

  app.post('/:slug/evaluation/assign', async (c) => {
    const user = currentUser(c)
    const { t, db } = vars(c)
    const l = await loadForStaff(c)
    const round = (await roundsOf(db, l.challenge.id)).find((r) => r.position === l.challenge.currentRound)!
    const back = `/challenges/${l.challenge.slug}/evaluation`
    if (l.state !== 'evaluation') return renderRefusal(c, 409, { title: t('challenges.assign.button'), reason: t('challenges.assign.notYet'), back })
    const plan = await services.transaction((tx) => assignRound(tx, services, l.challenge, round, user.id))
    setFlash(c, plan.short.length ? 'warning' : 'success', plan.short.length ? 'challenges.assign.short' : 'challenges.assign.done', { count: plan.pairs.length, short: plan.short.length })
    return c.redirect(back, 303)
  })

  app.post('/:slug/evaluation/shortlist', async (c) => {
    const user = currentUser(c)
    const { t, db } = vars(c)
    const l = await loadForStaff(c)
    const all = await roundsOf(db, l.challenge.id)
    const next = all.find((r) => r.position === l.challenge.currentRound + 1)
    const back = `/challenges/${l.challenge.slug}/evaluation`
    if (l.state !== 'evaluation') return renderRefusal(c, 409, { title: t('challenges.shortlist.title'), reason: t('challenges.assign.notYet'), back })
    if (!next) return renderRefusal(c, 409, { title: t('challenges.shortlist.title'), reason: t('challenges.shortlist.noNextRound'), back })
    const form = await parseForm(c, shortlistSchema)
    if (!form.ok) return renderStandings(c, l, { shortlist: t('challenges.shortlist.chooseSome') }, { all })
    const moved = await services.transaction((tx) => shortlist(tx, services, l.challenge, next, form.data.submission, user.id))
    setFlash(c, 'success', 'challenges.shortlist.done', { count: moved, round: next.name })
    return c.redirect(`${back}?round=${next.position}`, 303)
  })

  // ——— A judge's evaluation of one entry ———
  const findForScoring = scoringFinder(services.files)
  /**
   * The entry a judge scores, with everything its form shows, in one statement. Not assigned, or
   * not an entry of this challenge: the judge cannot even see it.
   */
  async function loadScoring(c: Context<DistritoEnv>) {
    const user = currentUser(c)
    const submissionId = c.req.param('submissionId') ?? ''
    const l = await loadChallengePageWith(c, (db, slug, who) => findForScoring(db, slug, who, { submissionId }))
    const { entry: submission, assignment } = l.lists
    if (!submission || !assignment) httpError(l.access.judge && l.lists.entryExists ? 403 : 404)
    const round = l.lists.rounds.find((r) => r.position === l.challenge.currentRound)!
    return { l, round, submission, assignment, user }
  }

  const renderScoring = async (c: Context<DistritoEnv>, s: Awaited<ReturnType<typeof loadScoring>>, values?: FormValues, errors?: FieldErrors) => {
    const { fields, files, scores: mine } = s.l.lists
    const saved: FormValues = { comment: s.assignment.comment, ...Object.fromEntries(mine.flatMap((m) => [[`score_${m.criterionId}`, String(m.score)], [`comment_${m.criterionId}`, m.comment]])) }
    if (errors) c.status(422)
    return c.render(<ScoringPage challenge={s.l.challenge} state={s.l.state} round={s.round} submission={s.submission} assignment={s.assignment} fields={fields} files={files} values={values ?? saved} errors={errors} />,
      { title: c.get('t')('challenges.score.heading', { title: s.l.challenge.blindReview ? c.get('t')('challenges.submission.blindTitle', { n: s.submission.id.slice(0, 8) }) : s.submission.title }), noindex: true })
  }

  app.get('/:slug/evaluate/:submissionId', async (c) => renderScoring(c, await loadScoring(c)))

  app.post('/:slug/evaluate/:submissionId', async (c) => {
    const { t, db } = vars(c)
    const s = await loadScoring(c)
    const back = `/challenges/${s.l.challenge.slug}/evaluation`
    if (s.l.state !== 'evaluation') return renderRefusal(c, 409, { title: t('challenges.score.title'), reason: t('challenges.score.closed'), back })
    if (s.assignment.status === 'recused') return renderRefusal(c, 409, { title: t('challenges.score.title'), reason: t('challenges.score.recused'), back })
    if (await hasConflict(db, s.submission.id, s.user.id)) return renderRefusal(c, 403, { title: t('challenges.score.title'), reason: t('challenges.score.conflict'), back })
    if (!s.round.criteria.length) return renderRefusal(c, 409, { title: t('challenges.score.title'), reason: t('challenges.guard.noRubric'), back })
    const body = (await c.req.parseBody()) as FormValues
    const form = validate(c, scoreSchema(s.round.criteria.map((x) => x.id), s.round.scaleMax), body)
    if (!form.ok) return renderScoring(c, s, body, form.errors)
    const data = form.data as Record<string, unknown>
    const total = await services.transaction((tx) => saveEvaluation(tx, s.round, s.submission.id, s.user.id, {
      comment: String(data.comment ?? ''),
      scores: new Map(s.round.criteria.map((x) => [x.id, { score: Number(data[`score_${x.id}`]), comment: String(data[`comment_${x.id}`] ?? '') }])),
    }))
    setFlash(c, 'success', 'challenges.score.saved', { total })
    return c.redirect(back, 303)
  })

  app.post('/:slug/evaluate/:submissionId/recuse', async (c) => {
    const s = await loadScoring(c)
    const back = `/challenges/${s.l.challenge.slug}/evaluation`
    if (s.l.state !== 'evaluation' || s.assignment.status === 'recused') return renderRefusal(c, 409, { title: c.get('t')('challenges.recuse.title'), reason: c.get('t')('challenges.score.closed'), back })
    const form = await parseForm(c, recuseSchema)
    if (!form.ok) return renderScoring(c, s, undefined, { reason: form.errors.reason! })
    await services.transaction((tx) => recuse(tx, services, s.l.challenge, s.round, s.submission.id, s.user.id, form.data.reason))
    setFlash(c, 'success', 'challenges.recuse.done')
    return c.redirect(back, 303)
  })
}
