import { TEXT_WORDS, type BenchContext } from '@distrito/core'
import { follows, workflowItems } from '@distrito/core/db'
import { DEFAULT_PHASE_SETTINGS, catalogueRank } from '../domain/phases.js'
import {
  assignments, awards, challengeOrganizations, challengeTags, challenges, criteria, formFields, judges, milestones, questions,
  rounds, scores, submissions, teamMembers, teamOrganizations, updates, votes,
} from '../schema.js'
import { CHALLENGE_SUBJECT, CHALLENGE_WORKFLOW } from '../workflow.js'
import { CRITERIA_WEIGHTS, JUDGES_PER_CHALLENGE, JUDGES_PER_ENTRY, SCALE_MAX, TAGS_PER_CHALLENGE, challengePlan, challengeTag } from './plan.js'

const DAY = 24 * 3600 * 1000
const TITLE_HEADS = ['Predicción de', 'Detección de', 'Optimización de', 'Asistente para', 'Clasificación de', 'Monitoreo de', 'Trazabilidad de', 'Pronóstico de']
const TITLE_TOPICS = ['rendimiento de caña', 'congestión portuaria', 'triaje hospitalario', 'fallas en máquinas CNC', 'plagas en cultivos', 'demanda de energía', 'fraude en pagos', 'calidad del agua', 'rutas de buses', 'deserción escolar']
const CRITERIA_NAMES = ['Impacto', 'Viabilidad técnica', 'Equipo']
const FORM_QUESTIONS = ['¿Qué datos necesita su solución?', 'Enlace a una demostración']
const VOTES_PER_CHALLENGE = 30
const QUESTIONS_PER_CHALLENGE = 4
const FOLLOWERS_PER_CHALLENGE = 10

function scoreOf(entry: number, judgeSlot: number, criterion: number): number {
  return 1 + ((entry * 3 + judgeSlot * 7 + criterion * 11) % SCALE_MAX)
}

/** The challenges of a large district: 5,000 at scale 1 in every phase, 100,000 entries, ~300,000 scores. */
export async function generateChallenges(ctx: BenchContext): Promise<void> {
  const { population: pop, random, insert } = ctx
  const plan = challengePlan(pop)
  const sectors = ctx.config.sectors.map((s) => s.id)
  // Written on each call and, for its judges' queues, on each assignment (the insert trigger then skips it).
  const evaluationEndsAt = (c: number) => new Date(plan.dates(c).closesAt.getTime() + 30 * DAY)
  const person = (n: number) => 1 + (n % (pop.people - 1))

  // Which entries each challenge has, and their status, decided once for every table below.
  const entryChallenge = new Int32Array(plan.totalEntries)
  const entryStatus = new Uint8Array(plan.totalEntries) // 0 draft, 1 submitted, 2 withdrawn
  const firstSubmitted = new Map<number, number>()
  for (let i = 0; i < plan.totalEntries; i++) {
    const c = plan.challengeOf(i)
    entryChallenge[i] = c
    entryStatus[i] = c === 0 ? 1 : plan.state(c) === 'open' ? i % 2 : i % 20 === 0 ? 0 : i % 20 === 1 ? 2 : 1
    if (entryStatus[i] === 1 && !firstSubmitted.has(c)) firstSubmitted.set(c, i)
  }
  const evaluatedEntries: number[] = []
  for (let i = 0; i < plan.totalEntries; i++) if (entryStatus[i] === 1 && plan.isEvaluated(entryChallenge[i]!)) evaluatedEntries.push(i)
  // Grouped by challenge, so each round's assignments and scores land together in their indexes.
  evaluatedEntries.sort((a, b) => entryChallenge[a]! - entryChallenge[b]! || a - b)
  // About 60 % of the scores are in while a call is being judged; judges leave some unfinished at any call.
  const assignmentDone = (entry: number, slot: number) => (entry * 7 + slot * 3) % 10 < (plan.state(entryChallenge[entry]!) === 'evaluation' ? 6 : 7)
  const done: number[] = []
  for (let a = 0; a < evaluatedEntries.length * JUDGES_PER_ENTRY; a++) {
    if (assignmentDone(evaluatedEntries[Math.floor(a / JUDGES_PER_ENTRY)]!, a % JUDGES_PER_ENTRY)) done.push(a)
  }
  const assignmentAt = (a: number) => {
    const entry = evaluatedEntries[Math.floor(a / JUDGES_PER_ENTRY)]!
    const c = entryChallenge[entry]!
    const slot = (entry + (a % JUDGES_PER_ENTRY)) % JUDGES_PER_CHALLENGE
    return { entry, c, slot, judge: plan.judgeOf(c, slot) }
  }
  const total = (entry: number, slot: number) =>
    CRITERIA_WEIGHTS.reduce((sum, w, k) => sum + (w * scoreOf(entry, slot, k)) / SCALE_MAX, 0)

  await insert(challenges).rows(plan.count, (c) => {
    const dates = plan.dates(c)
    const title = `${TITLE_HEADS[c % TITLE_HEADS.length]} ${TITLE_TOPICS[(c * 3) % TITLE_TOPICS.length]} ${c}`
    return {
      id: plan.id(c), slug: plan.slug(c), sponsorId: pop.organizationId(plan.sponsorOf(c)), title,
      summary: random.sentence(TEXT_WORDS, 25), problem: random.sentence(TEXT_WORDS, 80), context: random.sentence(TEXT_WORDS, 40),
      expectedResults: random.sentence(TEXT_WORDS, 30), eligibleKinds: c % 4 === 0 ? ['startup', 'sme'] : [], eligibleCountries: [],
      rewardSummary: 'Piloto pagado y acompañamiento', rewardAmount: 20_000_000 + (c % 20) * 5_000_000,
      visibility: plan.isPrivate(c) ? 'private' : 'public', opensAt: dates.opensAt, closesAt: dates.closesAt,
      evaluationEndsAt: evaluationEndsAt(c), resultsAt: dates.resultsAt,
      phaseSettings: DEFAULT_PHASE_SETTINGS, blindReview: c % 7 === 0, publicVote: c % 3 === 0, catalogueRank: catalogueRank(plan.state(c)),
      createdBy: pop.personId(pop.ownerOf(plan.sponsorOf(c))), createdAt: dates.createdAt, updatedAt: dates.createdAt,
    }
  })
  await insert(workflowItems).rows(plan.count, (c) => ({ workflow: CHALLENGE_WORKFLOW, itemId: plan.id(c), state: plan.state(c), enteredAt: plan.dates(c).createdAt }))
  await insert(challengeTags).rows(plan.count * TAGS_PER_CHALLENGE, (i) => {
    const c = Math.floor(i / TAGS_PER_CHALLENGE)
    return { challengeId: plan.id(c), ...challengeTag(c, i % TAGS_PER_CHALLENGE, sectors) }
  })
  const privateCalls = plan.where(plan.isPrivate)
  await insert(challengeOrganizations).rows(privateCalls.length * 3, (i) => ({
    challengeId: plan.id(privateCalls[Math.floor(i / 3)]!), relation: 'invited', organizationId: pop.organizationId((privateCalls[Math.floor(i / 3)]! * 3 + (i % 3) * 7) % pop.organizations),
  }))
  await insert(formFields).rows(plan.count * FORM_QUESTIONS.length, (i) => ({
    id: `${plan.id(Math.floor(i / 2))}-field-${i % 2}`, challengeId: plan.id(Math.floor(i / 2)), position: i % 2, label: FORM_QUESTIONS[i % 2]!,
    type: i % 2 === 0 ? 'longtext' : 'link', required: i % 2 === 0,
  }))
  await insert(rounds).rows(plan.count, (c) => ({ id: plan.roundId(c), challengeId: plan.id(c), position: 1, name: 'Evaluación', scaleMax: SCALE_MAX, judgesPerSubmission: JUDGES_PER_ENTRY }))
  await insert(criteria).rows(plan.count * CRITERIA_WEIGHTS.length, (i) => {
    const c = Math.floor(i / CRITERIA_WEIGHTS.length)
    const k = i % CRITERIA_WEIGHTS.length
    return { id: plan.criterionId(c, k), roundId: plan.roundId(c), position: k, name: CRITERIA_NAMES[k]!, weight: CRITERIA_WEIGHTS[k]! }
  })
  const judged = plan.where(plan.isEvaluated)
  await insert(judges).rows(judged.length * JUDGES_PER_CHALLENGE, (i) => ({ challengeId: plan.id(judged[Math.floor(i / JUDGES_PER_CHALLENGE)]!), userId: pop.personId(plan.judgeOf(judged[Math.floor(i / JUDGES_PER_CHALLENGE)]!, i % JUDGES_PER_CHALLENGE)) }))
  const described = plan.where((c) => !['draft', 'review'].includes(plan.state(c)))
  await insert(updates).rows(described.length, (i) => ({ id: `${plan.id(described[i]!)}-update`, challengeId: plan.id(described[i]!), title: 'Sesión informativa', body: random.sentence(TEXT_WORDS, 40), createdAt: plan.dates(described[i]!).opensAt }))
  await insert(questions).rows(described.length * QUESTIONS_PER_CHALLENGE, (i) => {
    const c = described[Math.floor(i / QUESTIONS_PER_CHALLENGE)]!
    const answered = i % 2 === 0
    const at = plan.dates(c).opensAt
    return {
      id: `${plan.id(c)}-question-${i % QUESTIONS_PER_CHALLENGE}`, challengeId: plan.id(c), askedBy: pop.personId(person(i * 13)), body: `¿${random.sentence(TEXT_WORDS, 12).slice(0, -1)}?`,
      answer: answered ? random.sentence(TEXT_WORDS, 20) : null, answeredBy: answered ? pop.personId(pop.ownerOf(plan.sponsorOf(c))) : null,
      answeredAt: answered ? new Date(at.getTime() + DAY) : null, createdAt: at,
    }
  })
  await insert(follows).rows(described.length * FOLLOWERS_PER_CHALLENGE, (i) => ({
    userId: pop.personId(person(described[Math.floor(i / FOLLOWERS_PER_CHALLENGE)]! * 101 + (i % FOLLOWERS_PER_CHALLENGE))), subjectType: CHALLENGE_SUBJECT, subjectId: plan.id(described[Math.floor(i / FOLLOWERS_PER_CHALLENGE)]!),
  }))

  await insert(submissions).rows(plan.totalEntries, (i) => {
    const c = entryChallenge[i]!
    const lead = plan.leadOf(i)
    const submitted = entryStatus[i] !== 0
    const closes = plan.dates(c).closesAt.getTime()
    const at = new Date(closes - (1 + (i % 20)) * DAY)
    return {
      id: plan.entryId(i), challengeId: plan.id(c), leadId: pop.personId(lead), organizationId: pop.organizationId(pop.organizationOf(lead)!),
      title: `Propuesta ${i}: ${random.sentence(TEXT_WORDS, 4).slice(0, -1)}`, summary: random.sentence(TEXT_WORDS, 30), approach: random.sentence(TEXT_WORDS, 60),
      team: random.sentence(TEXT_WORDS, 15), aiUse: random.sentence(TEXT_WORDS, 20), answers: {},
      status: (['draft', 'submitted', 'withdrawn'] as const)[entryStatus[i]!]!, receipt: submitted ? `RT-${i.toString(36).toUpperCase().padStart(8, '0')}` : null,
      submittedAt: submitted ? at : null, feedback: '', createdAt: new Date(at.getTime() - 5 * DAY), updatedAt: at,
    }
  })
  await insert(teamMembers).rows(plan.totalEntries * 2, (i) => {
    const entry = Math.floor(i / 2)
    const lead = plan.leadOf(entry)
    return { submissionId: plan.entryId(entry), userId: pop.personId(i % 2 === 0 ? lead : person(lead + 1)), role: i % 2 === 0 ? 'lead' : 'member' }
  })
  await insert(teamOrganizations).rows(plan.totalEntries, (i) => ({ submissionId: plan.entryId(i), organizationId: pop.organizationId(pop.organizationOf(plan.leadOf(i))!) }))

  await insert(assignments).rows(evaluatedEntries.length * JUDGES_PER_ENTRY, (a) => {
    const { entry, c, slot, judge } = assignmentAt(a)
    const finished = assignmentDone(entry, a % JUDGES_PER_ENTRY)
    return {
      roundId: plan.roundId(c), submissionId: plan.entryId(entry), judgeId: pop.personId(judge), status: finished ? 'done' : 'pending',
      comment: finished ? random.sentence(TEXT_WORDS, 10) : '', total: finished ? total(entry, slot) : null,
      doneAt: finished ? new Date(plan.dates(c).closesAt.getTime() + 3 * DAY) : null, callEndsAt: evaluationEndsAt(c),
    }
  })
  await insert(scores).rows(done.length * CRITERIA_WEIGHTS.length, (s) => {
    const { entry, c, slot, judge } = assignmentAt(done[Math.floor(s / CRITERIA_WEIGHTS.length)]!)
    const k = s % CRITERIA_WEIGHTS.length
    return { roundId: plan.roundId(c), submissionId: plan.entryId(entry), judgeId: pop.personId(judge), criterionId: plan.criterionId(c, k), score: scoreOf(entry, slot, k) }
  })

  const awarded = plan.where((c) => ['results', 'pilot', 'closed'].includes(plan.state(c)) && firstSubmitted.has(c))
  await insert(awards).rows(awarded.length, (i) => {
    const c = awarded[i]!
    const pilot = plan.state(c) === 'pilot'
    return { id: `${plan.id(c)}-award`, challengeId: plan.id(c), submissionId: plan.entryId(firstSubmitted.get(c)!), rewardKind: pilot ? 'paid_pilot' : 'cash', description: pilot ? 'Piloto pagado de seis meses' : 'Primer lugar', amount: 30_000_000, createdAt: plan.dates(c).resultsAt ?? undefined }
  })
  const pilots = awarded.filter((c) => plan.state(c) === 'pilot')
  await insert(milestones).rows(pilots.length * 3, (i) => {
    const c = pilots[Math.floor(i / 3)]!
    const due = new Date((plan.dates(c).resultsAt?.getTime() ?? pop.now) + (i % 3 + 1) * 30 * DAY)
    return { id: `${plan.id(c)}-milestone-${i % 3}`, submissionId: plan.entryId(firstSubmitted.get(c)!), title: ['Datos de entrenamiento', 'Modelo validado', 'Puesta en producción'][i % 3]!, dueAt: due, doneAt: due.getTime() < pop.now ? due : null }
  })
  const voted = awarded.filter((c) => c % 3 === 0)
  await insert(votes).rows(voted.length * VOTES_PER_CHALLENGE, (i) => {
    const c = voted[Math.floor(i / VOTES_PER_CHALLENGE)]!
    return { challengeId: plan.id(c), userId: pop.personId(person(c * 101 + (i % VOTES_PER_CHALLENGE))), submissionId: plan.entryId(firstSubmitted.get(c)!) }
  })
}
