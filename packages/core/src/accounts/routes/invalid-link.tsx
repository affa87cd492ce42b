/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { useDistrito } from '../../ui/context.js'

/** What an expired, used or mistyped emailed link shows, with the way to get a new one. */
function InvalidLink(props: { kind: 'verify' | 'reset' }) {
  const request = useDistrito()
  const t = request.get('t')
  const auth = request.get('auth')
  return (
    <div class="narrow">
      <PageHeader title={t('core.account.linkInvalidTitle')} lead={t('core.account.linkInvalidBody')} />
      {props.kind === 'reset' ? (
        <p><a href="/password/forgot">{t('core.account.requestNewReset')}</a></p>
      ) : auth.user ? (
        <p><a href="/account">{t('core.account.requestNewVerification')}</a></p>
      ) : (
        <p><a href="/login?next=%2Faccount">{t('core.account.loginToResend')}</a></p>
      )}
    </div>
  )
}

/** Answers 400 with the invalid-link page. */
export function renderInvalidLink(c: Context<DistritoEnv>, kind: 'verify' | 'reset') {
  c.status(400)
  return c.render(<InvalidLink kind={kind} />, { title: c.get('t')('core.account.linkInvalidTitle'), noindex: true })
}
