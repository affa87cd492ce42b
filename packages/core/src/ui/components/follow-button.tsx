/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { useDistrito } from '../context.js'
import { vars } from '../../http/vars.js'

/** Follow or stop following an item; followers hear of its changes and comments. */
export function FollowButton(props: { subject: { type: string; id: string }; following: boolean; back: string }) {
  const c = useDistrito()
  const { t, auth } = vars(c)
  if (!auth.user) return null
  return (
    <form method="post" action={props.following ? '/follows/remove' : '/follows'} class="inline-form">
      <input type="hidden" name="subjectType" value={props.subject.type} />
      <input type="hidden" name="subjectId" value={props.subject.id} />
      <input type="hidden" name="back" value={props.back} />
      <button type="submit" class="button button--secondary" aria-pressed={props.following ? 'true' : 'false'}>
        {props.following ? t('core.follows.following') : t('core.follows.follow')}
      </button>
    </form>
  )
}
