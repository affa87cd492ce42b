/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { DistritoEnv } from '../http/env.js'
import { PageHeader } from '../ui/components/page-header.js'
import { INACTIVITY_TIMEOUT_MS } from '../auth/sessions.js'
import { vars } from '../http/vars.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** Where the terms and the data policy live: the district's own documents, or the core's pages. */
export function legalLinks(config: DistritoEnv['Variables']['district']['config']): { terms: string; privacy: string } {
  return { terms: config.legal.termsUrl ?? '/legal/terms', privacy: config.legal.privacyUrl ?? '/legal/privacy' }
}

/**
 * The core's terms of use and personal-data notice: what this software stores and why, and the
 * rights people have over it. Sections are catalog entries so that both languages say the same.
 */
export function legalRoutes() {
  const app = new Hono<DistritoEnv>()
  const sections = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}.${i + 1}`)

  app.get('/legal/privacy', (c) => {
    const { t, locale, district } = vars(c)
    const name = district.config.name[locale]
    const contact = district.config.legal.contactEmail
    const params = { district: name, days: INACTIVITY_TIMEOUT_MS / DAY_MS }
    return c.render(
      <div class="narrow">
        <PageHeader title={t('core.legal.privacyTitle')} lead={t('core.legal.privacyLead', params)} />
        {sections('core.legal.privacy', 5).map((key) => (
          <section>
            <h2>{t(`${key}.title`)}</h2>
            <p class="prose">{t(`${key}.body`, params)}</p>
          </section>
        ))}
        <p>
          {contact ? <>{t('core.legal.contact')} <a href={`mailto:${contact}`}>{contact}</a></> : t('core.legal.contactAdministration')}
        </p>
        <p><a href="/account">{t('core.legal.manageData')}</a></p>
      </div>,
      { title: t('core.legal.privacyTitle') },
    )
  })

  app.get('/legal/terms', (c) => {
    const { t, locale, district } = vars(c)
    const params = { district: district.config.name[locale] }
    return c.render(
      <div class="narrow">
        <PageHeader title={t('core.legal.termsTitle')} lead={t('core.legal.termsLead', params)} />
        <ol class="prose-list">
          {sections('core.legal.terms', 5).map((key) => <li>{t(key, params)}</li>)}
        </ol>
      </div>,
      { title: t('core.legal.termsTitle') },
    )
  })

  return app
}
