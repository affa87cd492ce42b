/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Handler } from 'hono'
import { z } from 'zod'
import type { DistritoEnv } from '../../http/env.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { vars } from '../../http/vars.js'

const sentQuery = z.object({ email: z.string().max(254).catch('') })

/**
 * "Check your email" after a form that sends mail. It says the same whether or not the address
 * has an account, so it reveals nothing; `body` is the catalog key of what was sent.
 */
export function checkEmailPage(body: string, options: { loginLink?: boolean } = {}): Handler<DistritoEnv> {
  return (c) => {
    const { t } = vars(c)
    const { email } = sentQuery.parse(c.req.query())
    return c.render(
      <div class="narrow">
        <PageHeader title={t('core.account.checkEmailTitle')} />
        <p>{t(body, { email })}</p>
        <p>{t('core.account.checkEmailHint')}</p>
        {options.loginLink ? <p><a href="/login">{t('core.account.loginLink')}</a></p> : null}
      </div>,
      { title: t('core.account.checkEmailTitle'), noindex: true },
    )
  }
}
