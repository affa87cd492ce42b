import { eq } from 'drizzle-orm'
import { createTestDistrict, type TestClient, type TestDistrict, type TestUser } from '@distrito/core/testing'
import { challenges as challengesPlugin } from '../src/index.js'
import { challenges } from '../src/schema.js'

export const DAY = 24 * 3600 * 1000

/** A calendar day in Bogotá, `days` from now, as the challenge form takes it. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * DAY).toLocaleDateString('en-CA', { timeZone: 'America/Bogota' })
}

/** A complete, valid challenge form; override what a test is about. */
export function challengeForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: 'Pronóstico de rendimiento de caña con IA',
    summary: 'Predecir el rendimiento por lote de caña de azúcar tres meses antes de la cosecha.',
    problem: 'Hoy la planeación de la cosecha se hace con promedios históricos y los errores llegan al 20 %, lo que encarece la logística de corte y transporte.',
    context: 'Tenemos 12 años de registros por lote, imágenes satelitales y estaciones meteorológicas propias.',
    expectedResults: 'Un modelo con error menor al 8 % integrado a nuestro sistema de planeación.',
    sectors: 'salud',
    capabilities: ['predictive_analytics', 'computer_vision'],
    eligibleKinds: ['startup', 'university'],
    eligibleCountries: 'CO',
    participation: 'both',
    rewardKinds: ['paid_pilot', 'cash'],
    rewardSummary: 'Piloto pagado de seis meses y un premio en dinero.',
    rewardAmount: '120000000',
    currency: 'COP',
    ipTerms: 'non_exclusive_licence',
    ndaText: '',
    dataDescription: 'Registros por lote anonimizados en CSV.',
    visibility: 'public',
    invited: '',
    cosponsors: '',
    opensOn: dayFromNow(0),
    closesOn: dayFromNow(30),
    evaluationEndsOn: dayFromNow(45),
    resultsOn: dayFromNow(50),
    phase_upcoming: ['questions'],
    phase_open: ['submissions', 'questions', 'editing'],
    phase_evaluation: ['voting'],
    phase_results: [],
    ...overrides,
  }
}

export interface ChallengeWorld {
  t: TestDistrict
  admin: TestUser
  manager: TestUser
  sponsorAdmin: TestUser
  sponsorMember: TestUser
  leadA: TestUser
  leadB: TestUser
  memberA: TestUser
  judge1: TestUser
  judge2: TestUser
  /** A judge who also belongs to startup A: a conflict the assignment must avoid. */
  conflicted: TestUser
  outsider: TestUser
  sponsor: { id: string; slug: string; name: string }
  startupA: { id: string; slug: string; name: string }
  startupB: { id: string; slug: string; name: string }
  sme: { id: string; slug: string; name: string }
  as(user: TestUser): Promise<TestClient>
  /** Creates a challenge through its form, as the sponsor's administrator; returns its slug and id. */
  createChallenge(overrides?: Record<string, string | string[]>): Promise<{ slug: string; id: string }>
  /** Draft → review → approved (opens at once when its opening day has come). */
  publish(slug: string): Promise<void>
  /** Starts, fills and submits an entry as `lead`, acting for `organization` (or as an individual). */
  submitEntry(slug: string, lead: TestUser, organization: string, title: string): Promise<string>
  /** Moves the deadline into the past, as time would. */
  passDeadline(challengeId: string): Promise<void>
  /** The state of a challenge's workflow. */
  stateOf(challengeId: string): Promise<string>
  /**
   * What the sponsor does before judging, on an open challenge: a one-criterion rubric (one judge
   * per entry) and a panel; then the deadline passes, the evaluation starts and, unless told not
   * to, the judges are assigned.
   */
  startEvaluation(challenge: { slug: string; id: string }, panel: TestUser[], options?: { assign?: boolean }): Promise<void>
}

export async function challengeWorld(): Promise<ChallengeWorld> {
  const t = await createTestDistrict({ plugins: [challengesPlugin()] })
  const admin = await t.createUser({ name: 'Ana Administradora', platformRole: 'admin' })
  const manager = await t.createUser({ name: 'Marta Gestora', managerOf: ['challenges'] })
  const sponsorAdmin = await t.createUser({ name: 'Sofía Patrocinadora' })
  const sponsorMember = await t.createUser({ name: 'Samuel del Ingenio' })
  const leadA = await t.createUser({ name: 'Andrés Líder' })
  const memberA = await t.createUser({ name: 'Alba Integrante' })
  const leadB = await t.createUser({ name: 'Beatriz Líder' })
  const judge1 = await t.createUser({ name: 'Julio Jurado' })
  const judge2 = await t.createUser({ name: 'Juana Jurado' })
  const conflicted = await t.createUser({ name: 'Carlos Conflicto' })
  const outsider = await t.createUser({ name: 'Olga Externa' })
  const sponsor = await t.createOrganization({ name: 'Ingenio del Valle', kind: 'company', members: [{ user: sponsorAdmin, role: 'admin' }, { user: sponsorMember, role: 'member' }] })
  const startupA = await t.createOrganization({ name: 'Agrosens', kind: 'startup', members: [{ user: leadA, role: 'owner' }, { user: memberA, role: 'member' }, { user: conflicted, role: 'member' }] })
  const startupB = await t.createOrganization({ name: 'Cañadatos', kind: 'startup', members: [{ user: leadB, role: 'owner' }] })
  const sme = await t.createOrganization({ name: 'Taller Pyme', kind: 'sme', members: [{ user: outsider, role: 'owner' }] })
  const clients = new Map<string, TestClient>()
  const as = async (user: TestUser) => {
    let client = clients.get(user.id)
    if (!client) {
      client = t.client()
      await client.login(user.email)
      clients.set(user.id, client)
    }
    return client
  }
  const db = t.district.db
  const world: ChallengeWorld = {
    t, admin, manager, sponsorAdmin, sponsorMember, leadA, leadB, memberA, judge1, judge2, conflicted, outsider, sponsor, startupA, startupB, sme, as,
    async createChallenge(overrides = {}) {
      const res = await (await as(sponsorAdmin)).post('/challenges/new', challengeForm(overrides))
      if (res.status !== 303) throw new Error(`creating a challenge answered ${res.status}: ${(await res.text()).slice(0, 2000)}`)
      const slug = res.headers.get('location')!.split('/')[2]!
      const [row] = await db.select({ id: challenges.id }).from(challenges).where(eq(challenges.slug, slug))
      return { slug, id: row!.id }
    },
    async publish(slug) {
      const [row] = await db.select({ id: challenges.id }).from(challenges).where(eq(challenges.slug, slug))
      const back = `/challenges/${slug}`
      const sent = await (await as(sponsorAdmin)).post(`/workflows/challenges.challenge/${row!.id}/submit`, { back })
      if (sent.status !== 303) throw new Error(`sending to review answered ${sent.status}`)
      const approved = await (await as(manager)).post(`/workflows/challenges.challenge/${row!.id}/approve`, { back })
      if (approved.status !== 303) throw new Error(`approving answered ${approved.status}: ${(await approved.text()).slice(0, 1000)}`)
    },
    async submitEntry(slug, lead, organization, title) {
      const client = await as(lead)
      const started = await client.post(`/challenges/${slug}/submit`, { title, organization })
      if (started.status !== 303) throw new Error(`starting an entry answered ${started.status}: ${(await started.text()).slice(0, 2000)}`)
      const path = started.headers.get('location')!.replace(/\/edit$/, '')
      const saved = await client.post(`${path}/edit`, {
        title,
        summary: 'Un modelo de aprendizaje automático entrenado con datos históricos por lote.',
        approach: 'Combinamos series de tiempo con imágenes satelitales Sentinel-2 y validamos con los lotes de la última zafra.',
        team: 'Dos científicos de datos y una agrónoma.',
        aiUse: 'Modelos de gradiente y redes convolucionales; sin datos personales.',
      })
      if (saved.status !== 303) throw new Error(`saving the entry answered ${saved.status}: ${(await saved.text()).slice(0, 2000)}`)
      const submitted = await client.post(`${path}/submit`, {})
      if (submitted.status !== 303) throw new Error(`submitting answered ${submitted.status}: ${(await submitted.text()).slice(0, 2000)}`)
      return path.split('/').pop()!
    },
    async passDeadline(challengeId) {
      await db.update(challenges).set({ opensAt: new Date(Date.now() - 40 * DAY), closesAt: new Date(Date.now() - 60_000) }).where(eq(challenges.id, challengeId))
    },
    async stateOf(challengeId) {
      return t.district.services.workflow('challenges.challenge').state(db, challengeId)
    },
    async startEvaluation(challenge, panel, options = {}) {
      const sponsor = await as(sponsorAdmin)
      const base = `/challenges/${challenge.slug}/evaluation`
      const round = /name="round" value="([\w-]+)"/.exec(await (await sponsor.get(`${base}/setup`)).text())![1]!
      await sponsor.post(`${base}/rubric`, { round, scaleMax: '5', judgesPerSubmission: '1', name: ['Impacto'], description: [''], weight: ['100'] })
      for (const judge of panel) await sponsor.post(`${base}/judges`, { email: judge.email })
      await world.passDeadline(challenge.id)
      const started = await sponsor.post(`/workflows/challenges.challenge/${challenge.id}/evaluate`, { back: base })
      if (started.status !== 303) throw new Error(`starting the evaluation answered ${started.status}`)
      if (options.assign !== false) await sponsor.post(`${base}/assign`, {})
    },
  }
  return world
}

