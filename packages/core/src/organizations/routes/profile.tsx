/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import { httpError } from '../../http/errors.js'
import { setFlash } from '../../http/flash.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { useDistrito } from '../../ui/context.js'
import { parseForm } from '../../ui/forms/parse-form.js'
import { requirePermission, currentUser } from '../../auth/guards.js'
import { countryName } from '../countries.js'
import { organizationInputSchema } from '../organization-schema.js'
import { createOrganization, organizationBySlug, type OrganizationWithRole, updateOrganization } from '../service.js'
import { OrganizationForm, organizationValues } from './organization-form.js'
import { verifiedBadge } from './verified-badge.js'
import { vars } from '../../http/vars.js'

/**
 * An organization by the slug in the address, or 404, with the viewer's role in it. District
 * administrators act as its owners, so every rule below that reads the role covers them too.
 */
export async function loadOrganization(c: Context<DistritoEnv>): Promise<OrganizationWithRole> {
  const org = await organizationBySlug(c.get('db'), c.req.param('slug') ?? '', c.get('auth').user?.id)
  if (!org) httpError(404)
  if (c.get('auth').user?.platformRole === 'admin') org.viewerRole = 'owner'
  return org
}

/**
 * A page only the organization's members (and administrators) may see. Everyone else gets the
 * same 404 as for a missing organization: the page's existence is not revealed.
 */
export async function loadPrivateOrganization(c: Context<DistritoEnv>): Promise<OrganizationWithRole> {
  currentUser(c)
  const org = await loadOrganization(c)
  if (!org.viewerRole) httpError(404)
  return org
}

function Fact(props: { label: string; value: string | number | null | undefined }) {
  if (props.value === null || props.value === undefined || props.value === '') return null
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </>
  )
}

/** A titled list of tags (sectors, AI capabilities); nothing when the list is empty. */
function Chips(props: { id: string; heading: string; items: readonly string[] }) {
  if (!props.items.length) return null
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      <ul class="chips">{props.items.map((item) => <li>{item}</li>)}</ul>
    </section>
  )
}

function OrganizationPage(props: { org: OrganizationWithRole }) {
  const c = useDistrito()
  const { t, locale, district, can } = vars(c)
  const { org } = props
  const { config } = district
  const subregion = config.subregions.find((s) => s.id === org.subregion)?.name[locale]
  const sectors = org.sectors.map((id) => config.sectors.find((s) => s.id === id)?.name[locale]).filter((name): name is string => Boolean(name))
  const canEdit = can('core:organizations.edit', org.viewerRole)
  return (
    <>
      <PageHeader
        title={org.name}
        lead={[t(`core.org.kind.${org.kind}`), org.isAnchor ? t('core.org.anchor') : null, org.investorType ? t(`core.org.investorType.${org.investorType}`) : null].filter(Boolean).join(' · ')}
        actions={
          <>
            {org.viewerRole ? <a class="button button--secondary" href={`/orgs/${org.slug}/members`}>{t('core.org.members')}</a> : null}
            {org.viewerRole || can('core:organizations.verify', null) ? <a class="button button--secondary" href={`/orgs/${org.slug}/verification`}>{t('core.verification.link')}</a> : null}
            {canEdit ? <a class="button" href={`/orgs/${org.slug}/edit`}>{t('core.org.edit')}</a> : null}
            {can('core:organizations.delete', org.viewerRole) ? <a class="button button--secondary" href={`/orgs/${org.slug}/delete`}>{t('core.org.delete')}</a> : null}
          </>
        }
      />
      {org.verifiedAt ? <p>{verifiedBadge(t)}</p> : null}
      {org.description ? <p class="prose">{org.description}</p> : null}
      <dl class="facts">
        <Fact label={t('core.org.country')} value={countryName(org.country, locale)} />
        <Fact label={t('core.org.city')} value={org.city} />
        <Fact label={t('core.org.subregion')} value={subregion} />
        <Fact label={t('core.org.legalId')} value={org.legalId} />
        <Fact label={t('core.org.size')} value={org.size ? t('core.org.sizeOption', { size: org.size }) : null} />
        <Fact label={t('core.org.foundedYear')} value={org.foundedYear} />
        {org.website ? (
          <>
            <dt>{t('core.org.website')}</dt>
            <dd><a href={org.website} rel="noopener nofollow ugc">{org.website}</a></dd>
          </>
        ) : null}
      </dl>
      <Chips id="sectors" heading={t('core.org.sectors')} items={sectors} />
      <Chips id="ai-offered" heading={t('core.org.aiOffered')} items={org.aiOffered.map((cap) => t(`core.org.ai.${cap}`))} />
      <Chips id="ai-sought" heading={t('core.org.aiSought')} items={org.aiSought.map((cap) => t(`core.org.ai.${cap}`))} />
    </>
  )
}

export function organizationProfileRoutes() {
  const app = new Hono<DistritoEnv>()

  app.get('/orgs/new', requirePermission('core:organizations.create'), (c) =>
    c.render(
      <>
        <PageHeader title={c.get('t')('core.org.createTitle')} lead={c.get('t')('core.org.createLead')} />
        <OrganizationForm action="/orgs" values={{ country: 'CO' }} submit={c.get('t')('core.org.createSubmit')} />
      </>,
      { title: c.get('t')('core.org.createTitle') },
    ),
  )

  app.post('/orgs', requirePermission('core:organizations.create'), async (c) => {
    const { t, db, auth, district } = vars(c)
    const form = await parseForm(c, organizationInputSchema(district.config))
    if (!form.ok) {
      c.status(422)
      return c.render(
        <>
          <PageHeader title={t('core.org.createTitle')} />
          <OrganizationForm action="/orgs" values={form.values} errors={form.errors} submit={t('core.org.createSubmit')} />
        </>,
        { title: t('core.org.createTitle') },
      )
    }
    const org = await createOrganization(db, form.data, auth.user!.id, { sessionId: auth.session!.id })
    setFlash(c, 'success', 'core.org.created', { organization: org.name })
    return c.redirect(`/orgs/${org.slug}`, 303)
  })

  app.get('/orgs/:slug', async (c) => {
    const org = await loadOrganization(c)
    return c.render(<OrganizationPage org={org} />, { title: org.name })
  })

  const editGuard = async (c: Context<DistritoEnv>) => {
    const org = await loadPrivateOrganization(c)
    if (!c.get('can')('core:organizations.edit', org.viewerRole)) httpError(403)
    return org
  }

  app.get('/orgs/:slug/edit', async (c) => {
    const org = await editGuard(c)
    const title = c.get('t')('core.org.editTitle', { organization: org.name })
    return c.render(
      <>
        <PageHeader title={title} />
        <OrganizationForm action={`/orgs/${org.slug}/edit`} values={organizationValues(org)} submit={c.get('t')('core.org.save')} />
      </>,
      { title, noindex: true },
    )
  })

  app.post('/orgs/:slug/edit', async (c) => {
    const org = await editGuard(c)
    const { t, db, district } = vars(c)
    const form = await parseForm(c, organizationInputSchema(district.config))
    if (!form.ok) {
      c.status(422)
      const title = t('core.org.editTitle', { organization: org.name })
      return c.render(
        <>
          <PageHeader title={title} />
          <OrganizationForm action={`/orgs/${org.slug}/edit`} values={form.values} errors={form.errors} submit={t('core.org.save')} />
        </>,
        { title, noindex: true },
      )
    }
    await updateOrganization(db, org, form.data, c.get('auth').user!.id)
    setFlash(c, 'success', 'core.org.saved')
    return c.redirect(`/orgs/${org.slug}`, 303)
  })

  return app
}
