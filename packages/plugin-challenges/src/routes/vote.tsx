/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono'
import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { currentUser, httpError, renderRefusal, setFlash, type DistritoEnv, type PluginContext, vars } from '@distrito/core'
import { Form, PageHeader, RadioGroup, SubmitButton, parseForm, type FieldErrors } from '@distrito/core/ui'
import { EVALUATED_STATES, inStates, phaseAllows } from '../domain/phases.js'
import { ChallengeTabs } from '../pages/challenge-tabs.js'
import { submissions, teamMembers, votes } from '../schema.js'
import { loadChallengePage, type LoadedChallenge } from './load.js'

const voteSchema = z.object({ submission: z.string().min(1, 'challenges.vote.choose').max(64) })

/** The finalists people vote on: the entries of the round under way, by title and summary only. */
const finalists = (ctx: PluginContext, l: LoadedChallenge) =>
  ctx.db.select({ id: submissions.id, title: submissions.title, summary: submissions.summary }).from(submissions)
    .where(and(eq(submissions.challengeId, l.challenge.id), eq(submissions.status, 'submitted'), eq(submissions.round, l.challenge.currentRound)))
    .orderBy(asc(submissions.title)).limit(100)

export function voteRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  const render = async (c: Context<DistritoEnv>, l: LoadedChallenge, errors?: FieldErrors) => {
    const { t, auth } = vars(c)
    const { challenge: ch, state } = l
    if (!ch.publicVote || !inStates(EVALUATED_STATES, state)) httpError(404)
    const [entries, mine] = await Promise.all([
      finalists(ctx, l),
      auth.user ? ctx.db.select({ submissionId: votes.submissionId }).from(votes).where(and(eq(votes.challengeId, ch.id), eq(votes.userId, auth.user.id))) : Promise.resolve([]),
    ])
    const voted = mine[0]?.submissionId
    const open = phaseAllows(ch, state, 'voting')
    if (errors) c.status(422)
    return c.render(
      <>
        <PageHeader title={t('challenges.vote.title', { title: ch.title })} lead={t('challenges.vote.lead')} />
        <ChallengeTabs slug={ch.slug} current="vote" access={l.access} state={state} publicVote={ch.publicVote} />
        {voted ? <p class="notice">{t('challenges.vote.yours', { title: entries.find((e) => e.id === voted)?.title ?? '' })}</p> : null}
        {!open ? <p class="notice">{t('challenges.vote.closed')}</p> : null}
        {open && !voted && auth.user ? (
          <Form action={`/challenges/${ch.slug}/vote`} errors={errors}>
            <RadioGroup name="submission" label={t('challenges.vote.question')} error={errors?.submission} required
              options={entries.map((e) => ({ value: e.id, label: e.title, hint: e.summary }))} />
            <SubmitButton>{t('challenges.vote.button')}</SubmitButton>
          </Form>
        ) : (
          <ul class="list">{entries.map((e) => <li><strong>{e.title}</strong><p>{e.summary}</p></li>)}</ul>
        )}
        {open && !auth.user ? <p><a href={`/login?next=${encodeURIComponent(`/challenges/${ch.slug}/vote`)}`}>{t('challenges.vote.signIn')}</a></p> : null}
        <p class="hint">{t('challenges.vote.hidden')}</p>
      </>,
      { title: t('challenges.vote.title', { title: ch.title }) },
    )
  }

  app.get('/:slug/vote', async (c) => render(c, await loadChallengePage(c)))

  app.post('/:slug/vote', async (c) => {
    const user = currentUser(c)
    const { t } = vars(c)
    const l = await loadChallengePage(c)
    const back = `/challenges/${l.challenge.slug}/vote`
    if (!l.challenge.publicVote) httpError(404)
    if (!phaseAllows(l.challenge, l.state, 'voting')) return renderRefusal(c, 409, { title: t('challenges.vote.button'), reason: t('challenges.vote.closed'), back })
    const form = await parseForm(c, voteSchema)
    if (!form.ok) return render(c, l, form.errors)
    const entry = (await finalists(ctx, l)).find((e) => e.id === form.data.submission)
    if (!entry) return render(c, l, { submission: t('challenges.vote.choose') })
    const [own] = await ctx.db.select({ u: teamMembers.userId }).from(teamMembers).where(and(eq(teamMembers.submissionId, entry.id), eq(teamMembers.userId, user.id)))
    if (own) return renderRefusal(c, 403, { title: t('challenges.vote.button'), reason: t('challenges.vote.ownEntry'), back })
    // The primary key (challenge, person) makes a second vote impossible, even from two tabs at once.
    const cast = await ctx.db.insert(votes).values({ challengeId: l.challenge.id, userId: user.id, submissionId: entry.id }).onConflictDoNothing().returning({ u: votes.userId })
    if (!cast.length) return renderRefusal(c, 409, { title: t('challenges.vote.button'), reason: t('challenges.vote.already'), back })
    setFlash(c, 'success', 'challenges.vote.thanks')
    return c.redirect(back, 303)
  })
}

