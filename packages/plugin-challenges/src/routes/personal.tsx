/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Hono } from 'hono'
import { currentUser, type DistritoEnv, type Formatters, type PluginContext, type Translate, vars } from '@distrito/core'
import { html, EmptyState, PageHeader, Pagination, pageOf, pageParam, pageWindow } from '@distrito/core/ui'
import { QUEUE_PAGE_SIZES, judgeQueue, myChallenges } from '../domain/personal-lists.js'

type QueueRow = Awaited<ReturnType<ReturnType<typeof judgeQueue>['all']>>[number]

/** One entry of the judge's queue: an `html` template, as a page lists up to a hundred. */
function queueItem(t: Translate, format: Formatters, r: QueueRow) {
  const title = r.blind ? t('challenges.submission.blindTitle', { n: r.submissionId.slice(0, 8) }) : r.title
  const until = r.evaluationEndsAt ? ` · ${t('challenges.queue.until', { date: format.date(new Date(r.evaluationEndsAt.getTime() - 1)) })}` : ''
  return html`<li class="list-item"><span><a href="/challenges/${r.slug}/evaluate/${r.submissionId}">${title}</a><span class="meta">${r.challenge} · ${r.round}${until}</span></span><span class="state-badge">${t(`challenges.assignment.${r.status}`)}</span></li>`
}

export function personalRoutes(app: Hono<DistritoEnv>, ctx: PluginContext) {
  /** The judge's work queue: every entry waiting for their evaluation, across challenges. */
  app.get('/judging', async (c) => {
    const user = currentUser(c)
    const { t } = vars(c)
    const page = pageParam.parse(c.req.query('page'))
    const perPage = QUEUE_PAGE_SIZES.parse(c.req.query('per'))
    const { limit, offset } = pageWindow(page, perPage)
    const rows = await judgeQueue(ctx.db).all({ userId: user.id, limit, offset })
    const list = pageOf(rows, page, perPage, QUEUE_PAGE_SIZES.choices)
    const pending = list.rows.filter((r) => r.status === 'pending').length
    return c.render(
      <>
        <PageHeader title={t('challenges.queue.pageTitle')} lead={t('challenges.queue.lead', { count: pending })} />
        {list.rows.length === 0 ? <EmptyState title={t('challenges.queue.empty')} body={t('challenges.queue.emptyHint')} /> : (
          <>
            <ul class="list">{list.rows.map((r) => queueItem(t, c.get('format'), r))}</ul>
            <Pagination page={list} />
          </>
        )}
      </>,
      { title: t('challenges.queue.pageTitle'), noindex: true },
    )
  })

  /** The person's entries and the challenges of their organizations, whatever their state. */
  app.get('/mine', async (c) => {
    const user = currentUser(c)
    const { t } = vars(c)
    const place = { userId: user.id }
    // A select from no table gives exactly one row.
    const [lists] = await myChallenges(ctx.db).all(place)
    const { entries, sponsored, invitations } = lists!
    return c.render(
      <>
        <PageHeader title={t('challenges.mine.title')} />
        <section class="section" aria-labelledby="entries-heading">
          <h2 id="entries-heading">{t('challenges.mine.entries')}</h2>
          {entries.length ? (
            <ul class="list">
              {entries.map((e) => <li class="list-item"><span><a href={`/challenges/${e.slug}/submissions/${e.id}`}>{e.title}</a> <span class="meta">{e.challenge}</span></span><span class="state-badge">{t(`challenges.submission.status.${e.status}`)}</span></li>)}
            </ul>
          ) : <p>{t('challenges.mine.noEntries')} <a href="/challenges">{t('challenges.mine.browse')}</a></p>}
        </section>
        {invitations.length ? (
          <section class="section" aria-labelledby="invited-heading">
            <h2 id="invited-heading">{t('challenges.mine.invited')}</h2>
            <ul class="list">
              {invitations.map((i) => <li class="list-item"><a href={`/challenges/${i.slug}`}>{i.title}</a><span class="state-badge">{t(`challenges.state.${i.state}`)}</span></li>)}
            </ul>
          </section>
        ) : null}
        <section class="section" aria-labelledby="sponsored-heading">
          <h2 id="sponsored-heading">{t('challenges.mine.sponsored')}</h2>
          {sponsored.length ? (
            <ul class="list">
              {sponsored.map((s) => <li class="list-item"><a href={`/challenges/${s.slug}`}>{s.title}</a><span class="state-badge">{t(`challenges.state.${s.state}`)}</span></li>)}
            </ul>
          ) : <p>{t('challenges.mine.noSponsored')}</p>}
        </section>
      </>,
      { title: t('challenges.mine.title'), noindex: true },
    )
  })
}
