/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { SubmitButton } from '../../ui/components/form.js'

/**
 * The page an emailed link opens: it asks for a button press rather than acting on GET, because
 * mail scanners open links and people press buttons.
 */
export function renderConfirmLink(c: Context<DistritoEnv>, page: { title: string; lead: string; action: string; submit: string }) {
  return c.render(
    <div class="narrow">
      <PageHeader title={page.title} lead={page.lead} />
      <form method="post" action={page.action} class="form">
        <SubmitButton>{page.submit}</SubmitButton>
      </form>
    </div>,
    { title: page.title, noindex: true },
  )
}
