/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { useT } from '../../ui/context.js'

/** Shown next to an organization a district administrator has verified. */
export function VerifiedBadge() {
  const t = useT()
  return <span class="badge badge--verified" title={t('core.org.verifiedHint')}><span aria-hidden="true">✓ </span>{t('core.org.verified')}</span>
}
