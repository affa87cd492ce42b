import { UNREAD_BADGE_LIMIT } from '../auth/auth-state.js'
import type { Child } from 'hono/jsx'
import { html, raw } from './html.js'
import type { Context } from 'hono'
import type { DistritoEnv } from '../http/env.js'
import { LOCALES } from '../i18n/locales.js'
import { flashNotice } from './components/flash.js'
import { legalLinks } from '../legal/routes.js'
import type { PageProps } from './page-props.js'

/** Any of these opens the administration area's link in the header. */
const ADMIN_PERMISSIONS = ['core:users.manage', 'core:organizations.verify', 'core:outbox.read', 'core:audit.read', 'core:events.manage', 'core:comments.moderate']

const HTMX_CONFIG = '{"includeIndicatorStyles":false,"allowScriptTags":false,"allowEval":false}'

/**
 * The document's head, as a template rather than JSX: hono/jsx gives `<head>` a namespace context
 * that every element rendered after it in the process then looks up (a card list renders a third
 * slower once any page has had a head), and renders its title, meta, link and script through
 * components that look for a head to hoist into. Nothing here needs either.
 */
function documentHead(props: { title: string; noindex: boolean | undefined; assets: { icon: string; css: string; htmx: string }; themeColor: string }) {
  return html`<head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>${props.title}</title>
    ${props.noindex ? raw('<meta name="robots" content="noindex"/>') : ''}
    <meta name="htmx-config" content="${HTMX_CONFIG}"/>
    <link rel="icon" href="${props.assets.icon}" type="image/svg+xml"/>
    <meta name="theme-color" content="${props.themeColor}"/>
    <link rel="stylesheet" href="${props.assets.css}"/>
    <script src="${props.assets.htmx}" defer=""></script>
  </head>`
}

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`)
}

const currentAttribute = (current: boolean) => (current ? raw(' aria-current="page"') : '')

/**
 * The frame of every page: skip link, header with navigation and language switch, main, footer.
 * A template like the head (see ui/html.ts).
 */
export function Shell(props: PageProps & { c: Context<DistritoEnv>; children: Child }) {
  const { c } = props
  const t = c.get('t')
  const locale = c.get('locale')
  const { config, nav, assets } = c.get('district')
  const auth = c.get('auth')
  const name = config.name[locale]
  const path = c.req.path
  const here = path + (new URL(c.req.url).search || '')
  const legal = legalLinks(config)
  const links = [{ label: 'core.shell.home', href: '/' }, { label: 'core.shell.organizations', href: '/orgs' }, ...nav]
  const mainNav = links.map((item) => html`<li><a href="${item.href}"${currentAttribute(isCurrent(path, item.href))}>${t(item.label)}</a></li>`)
  const languages = LOCALES.map((l) => html`<li><a href="/locale/${l}?next=${encodeURIComponent(here)}" lang="${l}" hreflang="${l}"${l === locale ? raw(' aria-current="true"') : ''}>${t(`core.shell.languageName.${l}`)}</a></li>`)
  const unverified = auth.user && !auth.user.emailVerified && path !== '/account'
    ? html`<p class="notice notice--warning">${t('core.shell.unverified', { email: auth.user.email })} <a href="/account">${t('core.shell.unverifiedLink')}</a></p>`
    : ''
  return html`<html lang="${locale}">${documentHead({ title: props.title === name ? name : `${props.title} · ${name}`, noindex: props.noindex, assets, themeColor: config.branding.primaryColor })}<body><a class="skip-link" href="#main">${t('core.shell.skipToContent')}</a><header class="site-header"><div class="container site-header-inner"><a class="brand" href="/">${config.branding.logoText ? html`<span class="brand-mark" aria-hidden="true">${config.branding.logoText}</span>` : ''}<span class="brand-name">${name}</span></a><nav class="main-nav" aria-label="${t('core.shell.mainNav')}"><ul>${mainNav}</ul></nav><nav class="user-nav" aria-label="${t('core.shell.accountNav')}"><ul>${userNav(c, path, here)}</ul></nav><nav class="language-switch" aria-label="${t('core.shell.language')}"><ul>${languages}</ul></nav></div></header><main id="main" tabindex="-1" class="container">${flashNotice(t, c.get('flash'))}${unverified}${props.children}</main><footer class="site-footer"><div class="container"><p>${t('core.shell.footer', { district: name })}</p><ul class="footer-links"><li><a href="${legal.privacy}">${t('core.legal.privacyTitle')}</a></li><li><a href="${legal.terms}">${t('core.legal.termsTitle')}</a></li></ul></div></footer></body></html>`
}

/** Signed in: who they act for, notifications, account, administration, sign out; else sign in and register. */
function userNav(c: Context<DistritoEnv>, path: string, here: string) {
  const t = c.get('t')
  const auth = c.get('auth')
  if (!auth.user) return html`<li><a href="/login?next=${encodeURIComponent(here)}">${t('core.shell.login')}</a></li><li><a href="/register">${t('core.shell.register')}</a></li>`
  const can = c.get('can')
  const unread = auth.unreadNotifications >= UNREAD_BADGE_LIMIT ? '99+' : auth.unreadNotifications
  const badge = auth.unreadNotifications > 0
    ? html`<span class="count-badge"><span aria-hidden="true">${unread}</span><span class="visually-hidden">${t('core.shell.unread', { count: unread })}</span></span>`
    : ''
  const acting = auth.organization ? html`<li class="acting-for">${t('core.shell.actingFor', { organization: auth.organization.name })}</li>` : ''
  const admin = ADMIN_PERMISSIONS.some((p) => can(p)) || auth.managerOf.length > 0
    ? html`<li><a href="/admin"${currentAttribute(isCurrent(path, '/admin'))}>${t('core.shell.admin')}</a></li>`
    : ''
  return html`${acting}<li><a href="/notifications"${currentAttribute(isCurrent(path, '/notifications'))} class="notifications-link">${t('core.shell.notifications')}${badge}</a></li><li><a href="/account"${currentAttribute(isCurrent(path, '/account'))}>${t('core.shell.account')}</a></li>${admin}<li><form method="post" action="/logout" class="inline-form"><button type="submit" class="link-button">${t('core.shell.logout')}</button></form></li>`
}
