/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { DistritoEnv } from '../env.js'
import type { WidgetContent } from '../../plugin/types.js'
import type { MountedPlugin } from '../../district/mounted-plugin.js'
import { EmptyState } from '../../ui/components/empty-state.js'
import { errorFields } from '../../log/logger.js'
import type { Term } from '../../config/district-config.js'
import type { Locale } from '../../i18n/locales.js'
import { vars } from '../vars.js'

interface LoadedWidget {
  id: string
  title: string
  content: WidgetContent | null
}

function WidgetCard(props: { widget: LoadedWidget; unavailable: string }) {
  const { widget } = props
  const headingId = `widget-${widget.id}`
  return (
    <section class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{widget.title}</h3>
      {widget.content === null ? (
        <p>{props.unavailable}</p>
      ) : widget.content.items.length === 0 ? (
        <p>{widget.content.empty}</p>
      ) : (
        <ul>
          {widget.content.items.map((item) => (
            <li>
              <a href={item.href}>{item.title}</a>
              {item.meta ? <span class="meta">{item.meta}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {widget.content?.more ? <a href={widget.content.more.href}>{widget.content.more.label}</a> : null}
    </section>
  )
}

/** A district's vocabulary (sectors, subregions) as a labelled list of chips; nothing when empty. */
function TermList(props: { id: string; heading: string; terms: readonly Term[]; locale: Locale }) {
  if (props.terms.length === 0) return null
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      <ul class="chips">{props.terms.map((term) => <li>{term.name[props.locale]}</li>)}</ul>
    </section>
  )
}

/** The district's front page: who it is, and what is open now in each installed program. */
export function homeRoutes(plugins: readonly MountedPlugin[]) {
  const app = new Hono<DistritoEnv>()
  app.get('/', async (c) => {
    const { t, locale, format, district } = vars(c)
    const { config } = district
    // Widgets load side by side; one failing plugin shows "unavailable" instead of breaking the page.
    const widgets: LoadedWidget[] = await Promise.all(
      plugins
        .filter((p) => p.definition.widget)
        .map(async (p) => {
          const widget = p.definition.widget!
          try {
            return { id: p.id, title: t(widget.title), content: await widget.load(Object.assign({}, p.context, { locale, t, format })) }
          } catch (error) {
            c.get('logger').error('home widget failed', { plugin: p.id, ...errorFields(error) })
            return { id: p.id, title: t(widget.title), content: null }
          }
        }),
    )
    const name = config.name[locale]
    return c.render(
      <>
        <div class="hero">
          <h1>{name}</h1>
          <p class="lead">{config.tagline[locale]}</p>
        </div>
        <section aria-labelledby="programs-heading">
          <h2 id="programs-heading">{t('core.home.programs')}</h2>
          {widgets.length === 0 ? (
            <EmptyState title={t('core.home.noPrograms')} body={t('core.home.noProgramsHint')} headingLevel={3} />
          ) : (
            <>
              <p>{t('core.home.programsLead')}</p>
              <div class="cards">
                {widgets.map((w) => (
                  <WidgetCard widget={w} unavailable={t('core.home.widgetUnavailable')} />
                ))}
              </div>
            </>
          )}
        </section>
        <TermList id="sectors" heading={t('core.home.sectors')} terms={config.sectors} locale={locale} />
        <TermList id="subregions" heading={t('core.home.subregions')} terms={config.subregions} locale={locale} />
      </>,
      { title: name },
    )
  })
  return app
}
