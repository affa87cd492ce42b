/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono'
import { displayName } from '../../accounts/display-name.js'
import { COMMENT_MAX_LENGTH, type CommentNode, type CommentThread as Thread, REPORT_REASONS, loadThread } from '../../comments/service.js'
import type { DistritoEnv } from '../../http/env.js'
import { useDistrito } from '../context.js'
import { withQuery } from '../list-query.js'
import { vars } from '../../http/vars.js'

export interface CommentThreadData {
  thread: Thread
  /** Whether the person may write here (signed in with a verified email and able to see the item). */
  canPost: boolean
  canModerate: boolean
  back: string
}

/**
 * A page of the item's comments with what the person may do with them. The caller has already
 * checked that the person may see the item.
 */
export async function loadCommentThread(c: Context<DistritoEnv>, subject: { type: string; id: string }): Promise<CommentThreadData> {
  const { db, services, auth, can } = vars(c)
  const page = Number(c.req.query('comments')) || 1
  const thread = await loadThread(db, subject, page)
  const access = { auth, can }
  const canModerate = auth.user ? await services.subjects.canModerate(subject.type, subject.id, access, db) : false
  const path = new URL(c.req.url)
  return { thread, canPost: can('core:comments.post', null), canModerate, back: `${path.pathname}${path.search}` }
}

function CommentForm(props: { data: CommentThreadData; parentId?: string; idSuffix: string }) {
  const t = useDistrito().get('t')
  const { subject } = props.data.thread
  const id = `comment-body-${props.idSuffix}`
  return (
    <form method="post" action="/comments" class="comment-form">
      <input type="hidden" name="subjectType" value={subject.type} />
      <input type="hidden" name="subjectId" value={subject.id} />
      {props.parentId ? <input type="hidden" name="parentId" value={props.parentId} /> : null}
      <input type="hidden" name="back" value={props.data.back} />
      <div class="field">
        <label for={id}>{props.parentId ? t('core.comments.replyLabel') : t('core.comments.label')}</label>
        <textarea id={id} name="body" rows={props.parentId ? 3 : 4} maxlength={COMMENT_MAX_LENGTH} required />
      </div>
      <button type="submit" class="button">{props.parentId ? t('core.comments.reply') : t('core.comments.submit')}</button>
    </form>
  )
}

function Comment(props: { node: CommentNode; data: CommentThreadData; depth: number }) {
  const c = useDistrito()
  const { t, format, auth } = vars(c)
  const { node, data } = props
  const own = auth.user?.id === node.authorId
  const showBody = !node.hidden || data.canModerate || own
  return (
    <li id={`comment-${node.id}`}>
      <article class={node.hidden ? 'comment comment--hidden' : 'comment'} aria-labelledby={`comment-${node.id}-by`}>
        <p class="comment-meta" id={`comment-${node.id}-by`}>
          <strong>{displayName(node.author, t)}</strong> · <time datetime={node.createdAt.toISOString()}>{format.dateTime(node.createdAt)}</time>
        </p>
        {node.hidden ? <p class="comment-hidden-note">{t('core.comments.hiddenNote')}{node.hidden.reason && (data.canModerate || own) ? ` ${t('core.comments.hiddenReason', { reason: node.hidden.reason })}` : ''}</p> : null}
        {showBody ? <p class="comment-body">{node.body}</p> : null}
        <div class="comment-actions">
          {data.canPost && !node.hidden ? (
            <details>
              <summary>{t('core.comments.reply')}<span class="visually-hidden"> {displayName(node.author, t)}</span></summary>
              <CommentForm data={data} parentId={node.id} idSuffix={node.id} />
            </details>
          ) : null}
          {auth.user && !own && !node.hidden ? (
            <details>
              <summary>{t('core.comments.report')}</summary>
              <form method="post" action={`/comments/${node.id}/report`} class="comment-form">
                <input type="hidden" name="back" value={data.back} />
                <div class="field">
                  <label for={`report-${node.id}`}>{t('core.comments.reportReason')}</label>
                  <select id={`report-${node.id}`} name="reason" required>
                    {REPORT_REASONS.map((r) => <option value={r}>{t(`core.comments.reason.${r}`)}</option>)}
                  </select>
                </div>
                <button type="submit" class="button button--secondary">{t('core.comments.reportSubmit')}</button>
              </form>
            </details>
          ) : null}
          {data.canModerate ? (
            node.hidden ? (
              <form method="post" action={`/comments/${node.id}/unhide`} class="inline-form">
                <input type="hidden" name="back" value={data.back} />
                <button type="submit" class="button button--secondary button--small">{t('core.comments.unhide')}</button>
              </form>
            ) : (
              <details>
                <summary>{t('core.comments.hide')}</summary>
                <form method="post" action={`/comments/${node.id}/hide`} class="comment-form">
                  <input type="hidden" name="back" value={data.back} />
                  <div class="field">
                    <label for={`hide-${node.id}`}>{t('core.comments.hideReason')}</label>
                    <input id={`hide-${node.id}`} name="reason" type="text" maxlength={500} required />
                  </div>
                  <button type="submit" class="button button--secondary">{t('core.comments.hideSubmit')}</button>
                </form>
              </details>
            )
          ) : null}
        </div>
      </article>
      {node.replies.length ? (
        <ol class={props.depth < 3 ? 'comment-replies' : 'comment-replies comment-replies--flat'}>
          {node.replies.map((reply) => <Comment node={reply} data={data} depth={props.depth + 1} />)}
        </ol>
      ) : null}
    </li>
  )
}

/** The comments of an item: threaded replies, reporting, and hiding by moderators. */
export function CommentThread(props: { data: CommentThreadData; headingLevel?: 2 | 3 }) {
  const c = useDistrito()
  const { t } = vars(c)
  const { data } = props
  const H = props.headingLevel === 3 ? 'h3' : 'h2'
  const { thread } = data
  return (
    <section class="comments" aria-labelledby="comments-heading" id="comments">
      <H id="comments-heading">{t('core.comments.heading', { count: thread.total })}</H>
      {thread.comments.length ? (
        <ol class="comment-list">
          {thread.comments.map((node) => <Comment node={node} data={data} depth={1} />)}
        </ol>
      ) : (
        <p class="meta">{t('core.comments.empty')}</p>
      )}
      {thread.pageCount > 1 ? (
        <nav class="pagination" aria-label={t('core.comments.pages')}>
          {thread.page > 1 ? <a href={`${withQuery(data.back, { comments: thread.page - 1 })}#comments`}>{t('core.table.previous')}</a> : null}
          <span>{t('core.comments.pageOf', { page: thread.page, pages: thread.pageCount })}</span>
          {thread.page < thread.pageCount ? <a href={`${withQuery(data.back, { comments: thread.page + 1 })}#comments`}>{t('core.table.next')}</a> : null}
        </nav>
      ) : null}
      {data.canPost ? (
        <CommentForm data={data} idSuffix="new" />
      ) : c.get('auth').user ? (
        <p class="meta">{t('core.comments.verifyToPost')}</p>
      ) : (
        <p><a href={`/login?next=${encodeURIComponent(data.back)}`}>{t('core.comments.loginToPost')}</a></p>
      )}
    </section>
  )
}
