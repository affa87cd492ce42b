/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { useT } from '../../ui/context.js'

/** The search box (and one filter) above an administration list; a GET form, so results can be linked. */
export function AdminSearch(props: {
  action: string
  q?: string
  label: string
  filter?: { name: string; label: string; value?: string; options: { value: string; label: string }[] }
}) {
  const t = useT()
  return (
    <form method="get" action={props.action} class="filters" role="search" aria-label={props.label}>
      <div class="field">
        <label for="admin-q">{props.label}</label>
        <input id="admin-q" type="search" name="q" value={props.q ?? ''} maxlength={100} />
      </div>
      {props.filter ? (
        <div class="field">
          <label for={`admin-${props.filter.name}`}>{props.filter.label}</label>
          <select id={`admin-${props.filter.name}`} name={props.filter.name}>
            <option value="">{t('core.admin.all')}</option>
            {props.filter.options.map((o) => <option value={o.value} selected={o.value === props.filter!.value}>{o.label}</option>)}
          </select>
        </div>
      ) : null}
      <div class="filters-actions"><button type="submit" class="button">{t('core.admin.search')}</button></div>
    </form>
  )
}
