import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { organizations, users } from '@distrito/core/db'

export const REWARD_KINDS = ['cash', 'paid_pilot', 'investment', 'in_kind'] as const
export type RewardKind = (typeof REWARD_KINDS)[number]
export const IP_TERMS = ['solver_keeps', 'non_exclusive_licence', 'exclusive_licence', 'transfer'] as const
export const VISIBILITIES = ['public', 'private'] as const
export const PARTICIPATION = ['individuals', 'teams', 'both'] as const
export const FIELD_TYPES = ['text', 'longtext', 'number', 'choice', 'file', 'link'] as const
export type FieldType = (typeof FIELD_TYPES)[number]
export const PHASE_FEATURES = ['submissions', 'questions', 'editing', 'voting'] as const
export type PhaseFeature = (typeof PHASE_FEATURES)[number]
/** The phases whose features a sponsor switches on and off (Decidim's step settings). */
export const CONFIGURABLE_PHASES = ['upcoming', 'open', 'evaluation', 'results'] as const
export type ConfigurablePhase = (typeof CONFIGURABLE_PHASES)[number]
export type PhaseSettings = Record<ConfigurablePhase, Record<PhaseFeature, boolean>>

const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' })
const createdAt = () => timestamp('created_at').notNull().default(sql`(unixepoch('subsec') * 1000)`)

/** A problem a sponsor posts for solvers, with its terms and its phase dates. */
export const challenges = sqliteTable(
  'challenges_challenges',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    sponsorId: text('sponsor_id').notNull().references(() => organizations.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    problem: text('problem').notNull(),
    context: text('context').notNull().default(''),
    expectedResults: text('expected_results').notNull().default(''),
    eligibleKinds: text('eligible_kinds', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    eligibleCountries: text('eligible_countries', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    participation: text('participation', { enum: PARTICIPATION }).notNull().default('both'),
    rewardSummary: text('reward_summary').notNull().default(''),
    /** The total on offer, in whole units of `currency`; null when the reward is not money. */
    rewardAmount: integer('reward_amount'),
    currency: text('currency').notNull().default('COP'),
    ipTerms: text('ip_terms', { enum: IP_TERMS }).notNull().default('solver_keeps'),
    ndaRequired: integer('nda_required', { mode: 'boolean' }).notNull().default(false),
    ndaText: text('nda_text').notNull().default(''),
    dataDescription: text('data_description').notNull().default(''),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('public'),
    opensAt: timestamp('opens_at').notNull(),
    closesAt: timestamp('closes_at').notNull(),
    evaluationEndsAt: timestamp('evaluation_ends_at'),
    resultsAt: timestamp('results_at'),
    phaseSettings: text('phase_settings', { mode: 'json' }).$type<PhaseSettings>().notNull(),
    blindReview: integer('blind_review', { mode: 'boolean' }).notNull().default(false),
    publicVote: integer('public_vote', { mode: 'boolean' }).notNull().default(false),
    /** The evaluation round under way (a position in the rounds); 1 until a shortlist moves on. */
    currentRound: integer('current_round').notNull().default(1),
    /** The catalogue's order by phase (`catalogueRank` of the workflow state), kept by the workflow on every move. */
    catalogueRank: integer('catalogue_rank').notNull().default(9),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    index('challenges_sponsor_idx').on(t.sponsorId, t.createdAt), index('challenges_created_idx').on(t.createdAt), index('challenges_closes_idx').on(t.closesAt),
    // The catalogue's order, read from the index a page at a time, whatever the number of challenges.
    index('challenges_catalogue_idx').on(t.visibility, t.catalogueRank, sql`${t.closesAt} DESC`, t.id),
  ],
)

/**
 * Sectors, AI capabilities and reward kinds of a challenge, one row each, so that the catalogue's
 * filters read an index instead of scanning JSON.
 */
export const challengeTags = sqliteTable(
  'challenges_tags',
  {
    challengeId: text('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['sector', 'capability', 'reward'] }).notNull(),
    value: text('value').notNull(),
    // The challenge's catalogue order, copied by triggers (migration 0002) whenever the challenge's
    // visibility, rank or deadline changes or a tag is added: a catalogue filtered by a tag then
    // reads its page in order from one index, however many calls the district has.
    visibility: text('visibility', { enum: VISIBILITIES }),
    catalogueRank: integer('catalogue_rank'),
    closesAt: timestamp('closes_at'),
  },
  (t) => [
    primaryKey({ columns: [t.challengeId, t.kind, t.value] }),
    index('challenges_tags_value_idx').on(t.kind, t.value, t.challengeId),
    index('challenges_tags_catalogue_idx').on(t.kind, t.value, t.visibility, t.catalogueRank, sql`${t.closesAt} DESC`, t.challengeId),
  ],
)

/** Co-sponsors (`cosponsor`) and, for private challenges, the invited organizations (`invited`). */
export const challengeOrganizations = sqliteTable(
  'challenges_organizations',
  {
    challengeId: text('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    relation: text('relation', { enum: ['cosponsor', 'invited'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.relation, t.organizationId] }), index('challenges_orgs_org_idx').on(t.organizationId, t.relation)],
)

/** The questions of a submission form a sponsor adds on top of the fixed ones. */
export const formFields = sqliteTable(
  'challenges_form_fields',
  {
    id: text('id').primaryKey(),
    challengeId: text('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    hint: text('hint').notNull().default(''),
    type: text('type', { enum: FIELD_TYPES }).notNull(),
    required: integer('required', { mode: 'boolean' }).notNull().default(false),
    options: text('options', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  },
  (t) => [index('challenges_fields_challenge_idx').on(t.challengeId, t.position)],
)

export const updates = sqliteTable(
  'challenges_updates',
  {
    id: text('id').primaryKey(),
    challengeId: text('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('challenges_updates_challenge_idx').on(t.challengeId, t.createdAt)],
)

export const questions = sqliteTable(
  'challenges_questions',
  {
    id: text('id').primaryKey(),
    challengeId: text('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    askedBy: text('asked_by').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    answer: text('answer'),
    /** Public answers join the FAQ; private ones reach only the person who asked. */
    answerVisibility: text('answer_visibility', { enum: VISIBILITIES }).notNull().default('public'),
    answeredBy: text('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at'),
    createdAt: createdAt(),
  },
  (t) => [index('challenges_questions_challenge_idx').on(t.challengeId, t.answeredAt), index('challenges_questions_asker_idx').on(t.askedBy)],
)

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'withdrawn'] as const

/** A team's entry: fixed fields, the sponsor's own questions (`answers`) and, later, feedback. */
export const submissions = sqliteTable(
  'challenges_submissions',
  {
    id: text('id').primaryKey(),
    challengeId: text('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    leadId: text('lead_id').references(() => users.id, { onDelete: 'set null' }),
    /** The organization the team submits as; null for individuals. */
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    approach: text('approach').notNull().default(''),
    team: text('team').notNull().default(''),
    aiUse: text('ai_use').notNull().default(''),
    answers: text('answers', { mode: 'json' }).$type<Record<string, string>>().notNull().default(sql`'{}'`),
    ndaAcceptedAt: timestamp('nda_accepted_at'),
    status: text('status', { enum: SUBMISSION_STATUSES }).notNull().default('draft'),
    /** The last round it reached: a shortlist moves it to the next one. */
    round: integer('round').notNull().default(1),
    receipt: text('receipt'),
    submittedAt: timestamp('submitted_at'),
    feedback: text('feedback').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    // With the id, counting and ranking a call's entries reads this index alone.
    index('challenges_submissions_challenge_round_idx').on(t.challengeId, t.status, t.round, t.id),
    // The sponsor's entries table, newest first, read in order from the index a page at a time.
    index('challenges_submissions_submitted_idx').on(t.challengeId, t.submittedAt, t.id),
    // The same table filtered by status, still read in order.
    index('challenges_submissions_status_submitted_idx').on(t.challengeId, t.status, t.submittedAt, t.id),
    // Judges' queues check and sort entries by these without reading each entry's texts.
    index('challenges_submissions_status_idx').on(t.id, t.status, t.submittedAt),
    index('challenges_submissions_lead_idx').on(t.leadId),
    uniqueIndex('challenges_submissions_receipt_idx').on(t.receipt),
  ],
)

/** People on a team besides the lead, and the other organizations taking part. */
export const teamMembers = sqliteTable(
  'challenges_team_members',
  {
    submissionId: text('submission_id').notNull().references(() => submissions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['lead', 'member'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.userId] }), index('challenges_team_user_idx').on(t.userId)],
)

export const teamOrganizations = sqliteTable(
  'challenges_team_organizations',
  {
    submissionId: text('submission_id').notNull().references(() => submissions.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.organizationId] }), index('challenges_team_orgs_org_idx').on(t.organizationId)],
)

/** An evaluation round (a shortlist, a pitch) and its scale; its criteria make the rubric. */
export const rounds = sqliteTable(
  'challenges_rounds',
  {
    id: text('id').primaryKey(),
    challengeId: text('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    scaleMax: integer('scale_max').notNull().default(5),
    judgesPerSubmission: integer('judges_per_submission').notNull().default(3),
  },
  (t) => [uniqueIndex('challenges_rounds_position_idx').on(t.challengeId, t.position)],
)

export const criteria = sqliteTable(
  'challenges_criteria',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Percent; a round's weights add up to 100. */
    weight: integer('weight').notNull(),
  },
  (t) => [index('challenges_criteria_round_idx').on(t.roundId, t.position)],
)

/** The challenge's panel; judges may come from outside the sponsor. */
export const judges = sqliteTable(
  'challenges_judges',
  {
    challengeId: text('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.userId] }), index('challenges_judges_user_idx').on(t.userId)],
)

export const ASSIGNMENT_STATUSES = ['pending', 'done', 'recused'] as const

export const assignments = sqliteTable(
  'challenges_assignments',
  {
    roundId: text('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    submissionId: text('submission_id').notNull().references(() => submissions.id, { onDelete: 'cascade' }),
    judgeId: text('judge_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull().default('pending'),
    recusalReason: text('recusal_reason'),
    comment: text('comment').notNull().default(''),
    /** The weighted score out of 100, kept when the evaluation is done so lists need no arithmetic. */
    total: real('total'),
    doneAt: timestamp('done_at'),
    /**
     * When the entry was submitted, while it stands submitted; null once it is withdrawn or back
     * in draft. Kept by triggers (migration 0005); the queue's index below (and the one that serves a
     * judge's assignments in a round) skip an entry that is not submitted without looking it up.
     */
    queuedAt: timestamp('queued_at'),
    /**
     * When the evaluation of the entry's call ends, kept by triggers (migration 0008): with it the
     * queue's own index below gives a judge's queue in the order it is shown (pending first, the
     * call that ends first, the entry handed in first), so a page reads its own rows and no more.
     */
    callEndsAt: timestamp('call_ends_at'),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.submissionId, t.judgeId] }),
    index('challenges_assignments_judge_idx').on(t.judgeId, t.status),
    index('challenges_assignments_queue_idx').on(t.judgeId, t.roundId, t.status, t.queuedAt, t.submissionId),
    index('challenges_assignments_queue_order_idx').on(t.judgeId, sql`${t.status} DESC`, t.callEndsAt, t.roundId, t.queuedAt, t.submissionId).where(sql`${t.queuedAt} IS NOT NULL`),
    index('challenges_assignments_submission_idx').on(t.submissionId, t.roundId),
  ],
)

/**
 * Each entry's standing in a round: its judges' totals summed up. Every entry that reached the
 * round has a row, judged or not, and `eligible` says whether it is still in the running there
 * (submitted, and its round at least this one). Kept by triggers on the assignments (migration
 * 0003), the entries and the rounds (0006), so a call with thousands of entries is ranked from one
 * index, a page at a time, without grouping its assignments or looking up each entry.
 */
export const standings = sqliteTable(
  'challenges_standings',
  {
    roundId: text('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    submissionId: text('submission_id').notNull().references(() => submissions.id, { onDelete: 'cascade' }),
    /** Judges assigned and not recused. */
    assigned: integer('assigned').notNull().default(0),
    done: integer('done').notNull().default(0),
    /** The mean of the finished evaluations' totals, to one decimal; null before the first. */
    mean: real('mean'),
    /** Highest total minus lowest, to one decimal. */
    spread: real('spread'),
    /** The finished totals, comma-separated. */
    totals: text('totals'),
    /** The entry stands submitted and reached this round: it is ranked here. */
    eligible: integer('eligible', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.submissionId] }),
    // The ranking, best first: SQLite puts nulls (entries not yet scored) last when descending.
    index('challenges_standings_rank_idx').on(t.roundId, t.eligible, sql`${t.mean} DESC`, t.submissionId),
    // An entry's rows, when it is withdrawn, shortlisted or deleted.
    index('challenges_standings_submission_idx').on(t.submissionId),
  ],
)

/**
 * Each judge's load in a round: assignments not recused, finished, recused. Kept by triggers on
 * the assignments (migration 0004), so the evaluation page lists its judges without counting every
 * assignment of a call with thousands of entries on each view.
 */
export const judgeLoads = sqliteTable(
  'challenges_judge_loads',
  {
    roundId: text('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    judgeId: text('judge_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    assigned: integer('assigned').notNull().default(0),
    done: integer('done').notNull().default(0),
    recused: integer('recused').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.judgeId] })],
)

/**
 * How many entries a call has in each state: drafts under way, submitted, shortlisted (submitted
 * and past the first round). Kept by triggers on the entries (migration 0007), so the sponsor's
 * funnel is read from one row instead of counting a big call's entries on each view.
 */
export const entryCounts = sqliteTable('challenges_entry_counts', {
  challengeId: text('challenge_id').primaryKey().references(() => challenges.id, { onDelete: 'cascade' }),
  drafts: integer('drafts').notNull().default(0),
  submitted: integer('submitted').notNull().default(0),
  shortlisted: integer('shortlisted').notNull().default(0),
})

export const scores = sqliteTable(
  'challenges_scores',
  {
    roundId: text('round_id').notNull().references(() => rounds.id, { onDelete: 'cascade' }),
    submissionId: text('submission_id').notNull().references(() => submissions.id, { onDelete: 'cascade' }),
    judgeId: text('judge_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull().references(() => criteria.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.submissionId, t.judgeId, t.criterionId] })],
)

/** The public vote: one per person and challenge, counted only once results are out. */
export const votes = sqliteTable(
  'challenges_votes',
  {
    challengeId: text('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    submissionId: text('submission_id').notNull().references(() => submissions.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.userId] }), index('challenges_votes_submission_idx').on(t.submissionId)],
)

export const awards = sqliteTable(
  'challenges_awards',
  {
    id: text('id').primaryKey(),
    challengeId: text('challenge_id').notNull().references(() => challenges.id, { onDelete: 'cascade' }),
    submissionId: text('submission_id').notNull().references(() => submissions.id, { onDelete: 'cascade' }),
    rewardKind: text('reward_kind', { enum: REWARD_KINDS }).notNull(),
    description: text('description').notNull(),
    amount: integer('amount'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('challenges_awards_challenge_idx').on(t.challengeId), index('challenges_awards_submission_idx').on(t.submissionId)],
)

/** The follow-up of an awarded pilot. */
export const milestones = sqliteTable(
  'challenges_milestones',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id').notNull().references(() => submissions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueAt: timestamp('due_at').notNull(),
    doneAt: timestamp('done_at'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('challenges_milestones_submission_idx').on(t.submissionId, t.dueAt)],
)

export type Challenge = typeof challenges.$inferSelect
export type Submission = typeof submissions.$inferSelect
export type Round = typeof rounds.$inferSelect
export type Criterion = typeof criteria.$inferSelect
export type FormField = typeof formFields.$inferSelect
