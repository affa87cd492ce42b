import { html } from '../../ui/html.js'
import type { Translate } from '../../i18n/translator.js'

/**
 * Shown next to an organization a district administrator has verified. A template rather than a
 * JSX component: the directory renders it in its cards (see `OrganizationCard`).
 */
export function verifiedBadge(t: Translate) {
  return html`<span class="badge badge--verified" title="${t('core.org.verifiedHint')}"><span aria-hidden="true">✓ </span>${t('core.org.verified')}</span>`
}
