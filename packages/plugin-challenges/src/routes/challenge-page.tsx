/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Hono } from 'hono'
import type { Child } from 'hono/jsx'
import { countryName, type DistritoEnv, type PluginContext, vars } from '@distrito/core'
import { FileList, FollowButton, Form, PageHeader, SubmitButton, WorkflowPanel, loadWorkflowPanel, useDistrito } from '@distrito/core/ui'
import { PUBLISHED_STATES, RESULTS_STATES, inStates, phaseAllows } from '../domain/phases.js'
import { challengeOverviewFinder } from '../domain/challenge-overview.js'
import { RESOURCE_POLICY } from '../domain/policies.js'
import { KeyDates } from '../pages/key-dates.js'
import { Faq, Updates } from '../pages/conversation.js'
import { AnswerFields, QuestionFields, UpdateFields } from '../pages/conversation-fields.js'
import { FAQ_ON_PAGE, UPDATES_ON_PAGE, unansweredQuestions } from '../domain/faq.js'
import { ChallengeTabs } from '../pages/challenge-tabs.js'
import { FileField } from '@distrito/core/ui'
import { type Challenge, questions } from '../schema.js'
import { CHALLENGE_SUBJECT, CHALLENGE_WORKFLOW } from '../workflow.js'
import { loadChallengePageWith } from './load.js'

type Question = typeof questions.$inferSelect

function Section(props: { id: string; title: string; children: Child }) {
  return (
    <section class="section" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.children}
    </section>
  )
}

function Terms(props: { challenge: Challenge; tags: { sector: string[]; capability: string[]; reward: string[] } }) {
  const request = useDistrito()
  const t = request.get('t')
  const format = request.get('format')
  const locale = request.get('locale')
  const district = request.get('district')
  const ch = props.challenge
  const sectors = props.tags.sector.map((id) => district.config.sectors.find((s) => s.id === id)?.name[locale] ?? id)
  return (
    <dl class="facts">
      <dt>{t('challenges.field.participation')}</dt>
      <dd>{t(`challenges.participation.${ch.participation}`)}</dd>
      <dt>{t('challenges.field.eligibleKinds')}</dt>
      <dd>{ch.eligibleKinds.length ? ch.eligibleKinds.map((k) => t(`core.org.kind.${k}`)).join(', ') : t('challenges.page.anyKind')}</dd>
      <dt>{t('challenges.field.eligibleCountries')}</dt>
      <dd>{ch.eligibleCountries.length ? ch.eligibleCountries.map((code) => countryName(code, locale)).join(', ') : t('challenges.page.anyCountry')}</dd>
      <dt>{t('challenges.field.rewardKinds')}</dt>
      <dd>{props.tags.reward.map((r) => t(`challenges.reward.${r}`)).join(', ')}</dd>
      {ch.rewardAmount != null ? (<><dt>{t('challenges.field.rewardAmount')}</dt><dd>{format.money(ch.rewardAmount, ch.currency)}</dd></>) : null}
      <dt>{t('challenges.field.ipTerms')}</dt>
      <dd>{t(`challenges.ip.${ch.ipTerms}`)}</dd>
      <dt>{t('challenges.field.ndaRequired')}</dt>
      <dd>{ch.ndaRequired ? t('challenges.page.ndaYes') : t('challenges.page.ndaNo')}</dd>
      {sectors.length ? (<><dt>{t('challenges.field.sectors')}</dt><dd>{sectors.join(', ')}</dd></>) : null}
      {props.tags.capability.length ? (<><dt>{t('challenges.field.capabilities')}</dt><dd>{props.tags.capability.map((v) => t(`core.org.ai.${v}`)).join(', ')}</dd></>) : null}
    </dl>
  )
}

/** Unanswered questions (for the sponsor) or the person's own (with private answers). */
function QuestionList(props: { items: Question[]; slug: string; answering: boolean }) {
  const request = useDistrito()
  const t = request.get('t')
  const format = request.get('format')
  return (
    <ul class="list">
      {props.items.map((q) => (
        <li class="challenges-question" id={`question-${q.id}`}>
          <p><strong>{q.body}</strong> <span class="meta">{format.date(q.createdAt)}</span></p>
          {q.answer ? <p class="note">{q.answer} <span class="meta">({t(`challenges.answer.${q.answerVisibility}`)})</span></p> : null}
          {props.answering && !q.answer ? (
            <Form action={`/challenges/${props.slug}/questions/${q.id}/answer`}>
              <AnswerFields />
              <SubmitButton variant="secondary">{t('challenges.answer.submit')}</SubmitButton>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export function challengePageRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  const findOverview = challengeOverviewFinder(ctx.services.files)
  app.get('/:slug', async (c) => {
    const { t, db, auth } = vars(c)
    const { challenge: ch, state, sponsor, access, following, ownEntry: own, lists } = await loadChallengePageWith(c, findOverview)
    const { tags, related, resources, faq, news } = lists
    const user = auth.user
    const subject = { type: CHALLENGE_SUBJECT, id: ch.id }
    const path = `/challenges/${ch.slug}`
    // The staff answer questions rather than ask them: theirs are the unanswered ones.
    const mine = access.staff ? [] : lists.mine
    const [staffQuestions, panel] = await Promise.all([
      access.staff ? unansweredQuestions(db).all({ id: ch.id }) : Promise.resolve([]),
      access.staff ? loadWorkflowPanel(c, CHALLENGE_WORKFLOW, ch.id, { back: path, state, item: ch }) : Promise.resolve(null),
    ])
    const canSubmit = phaseAllows(ch, state, 'submissions')
    const canAsk = phaseAllows(ch, state, 'questions')
    return c.render(
      <>
        <PageHeader title={ch.title} lead={ch.summary} actions={<FollowButton subject={subject} following={following} back={path} />} />
        <ChallengeTabs slug={ch.slug} current="overview" access={access} state={state} publicVote={ch.publicVote} />
        <p>
          <span class="state-badge">{t(`challenges.state.${state}`)}</span>{' '}
          {t('challenges.page.sponsoredBy')} <a href={`/orgs/${sponsor.slug}`}>{sponsor.name}</a>
          {related.cosponsors.length ? <>{' · '}{t('challenges.page.cosponsors')} {related.cosponsors.map((o, i) => <>{i ? ', ' : ''}<a href={`/orgs/${o.slug}`}>{o.name}</a></>)}</> : null}
          {ch.visibility === 'private' ? <span class="badge">{t('challenges.visibility.private')}</span> : null}
        </p>
        <KeyDates challenge={ch} state={state} />
        <div class="notice challenges-cta">
          {own ? (
            <p><a class="button" href={`${path}/submissions/${own.id}`}>{t(own.status === 'draft' ? 'challenges.cta.continueDraft' : 'challenges.cta.viewSubmission')}</a></p>
          ) : canSubmit && access.sponsorMember ? (
            <p>{t('challenges.cta.sponsorView')}</p>
          ) : canSubmit ? (
            user ? <p><a class="button" href={`${path}/submit`}>{t('challenges.cta.submit')}</a></p>
              : <p><a class="button" href={`/login?next=${encodeURIComponent(path)}`}>{t('challenges.cta.signInToSubmit')}</a></p>
          ) : <p>{t(state === 'upcoming' ? 'challenges.cta.notYet' : ['draft', 'review'].includes(state) ? 'challenges.cta.unpublished' : 'challenges.cta.closed')}</p>}
          {inStates(RESULTS_STATES, state) ? <p><a href={`${path}/results`}>{t('challenges.cta.results')}</a></p> : null}
          {ch.publicVote && phaseAllows(ch, state, 'voting') ? <p><a href={`${path}/vote`}>{t('challenges.cta.vote')}</a></p> : null}
        </div>
        {panel ? <WorkflowPanel data={panel} /> : null}
        <Section id="problem" title={t('challenges.field.problem')}><div class="prose">{ch.problem}</div></Section>
        {ch.context ? <Section id="context" title={t('challenges.field.context')}><div class="prose">{ch.context}</div></Section> : null}
        {ch.expectedResults ? <Section id="expected" title={t('challenges.field.expectedResults')}><div class="prose">{ch.expectedResults}</div></Section> : null}
        <Section id="terms" title={t('challenges.page.terms')}>
          <p class="prose">{ch.rewardSummary}</p>
          <Terms challenge={ch} tags={tags} />
        </Section>
        <Section id="resources" title={t('challenges.page.resources')}>
          {ch.dataDescription ? <div class="prose">{ch.dataDescription}</div> : null}
          {resources.length ? <FileList files={resources} label={t('challenges.page.resources')} remove={access.staff ? { action: (f) => `${path}/resources/${f.id}/delete`, back: path } : undefined} />
            : <p>{t('challenges.page.noResources')}</p>}
          {access.staff ? (
            <Form action={`${path}/resources`} enctype="multipart/form-data">
              <FileField name="resource" label={t('challenges.page.addResource')} policy={RESOURCE_POLICY} required />
              <SubmitButton variant="secondary">{t('challenges.page.upload')}</SubmitButton>
            </Form>
          ) : null}
        </Section>
        <Section id="updates" title={t('challenges.updates.title')}>
          <Updates items={news.slice(0, UPDATES_ON_PAGE)} />
          {news.length > UPDATES_ON_PAGE ? <p><a href={`${path}/updates`}>{t('challenges.updates.all')}</a></p> : null}
          {access.staff ? (
            <Form action={`${path}/updates`}>
              <UpdateFields />
              <SubmitButton variant="secondary">{t('challenges.updates.post')}</SubmitButton>
            </Form>
          ) : null}
        </Section>
        <Section id="faq" title={t('challenges.faq.title')}>
          <Faq faq={faq.slice(0, FAQ_ON_PAGE)} />
          {faq.length > FAQ_ON_PAGE ? <p><a href={`${path}/faq`}>{t('challenges.faq.all')}</a></p> : null}
          {access.staff && staffQuestions.length ? (<><h3>{t('challenges.faq.pending')}</h3><QuestionList items={staffQuestions} slug={ch.slug} answering /></>) : null}
          {mine.length ? (<><h3>{t('challenges.faq.mine')}</h3><QuestionList items={mine} slug={ch.slug} answering={false} /></>) : null}
          {canAsk ? (
            user ? (
              <Form action={`${path}/questions`}>
                <QuestionFields />
                <SubmitButton variant="secondary">{t('challenges.faq.send')}</SubmitButton>
              </Form>
            ) : <p><a href={`/login?next=${encodeURIComponent(path)}`}>{t('challenges.faq.signInToAsk')}</a></p>
          ) : null}
        </Section>
      </>,
      { title: ch.title, noindex: ch.visibility === 'private' || !inStates(PUBLISHED_STATES, state) },
    )
  })
}
