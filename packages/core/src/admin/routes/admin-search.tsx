/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { useT } from '../../ui/context.js'
import { Filters, SearchFilter, SelectFilter } from '../../ui/components/filters.js'

/** The search box (and one filter) above an administration list. */
export function AdminSearch(props: {
  action: string
  q?: string
  label: string
  filter?: { name: string; label: string; value?: string; options: { value: string; label: string }[] }
}) {
  const t = useT()
  return (
    <Filters action={props.action} label={props.label}>
      <SearchFilter label={props.label} value={props.q} />
      {props.filter ? <SelectFilter {...props.filter} all={t('core.admin.all')} /> : null}
      <div class="filters-actions"><button type="submit" class="button">{t('core.admin.search')}</button></div>
    </Filters>
  )
}
