/** Page components and helpers that every plugin's pages share, so the district looks and behaves as one. */
import './page-props.js'

export type { PageProps } from './page-props.js'
export { useDistrito, useT } from './context.js'
export { PageHeader } from './components/page-header.js'
export { EmptyState } from './components/empty-state.js'
export { Flash } from './components/flash.js'
export { CheckboxField, CheckboxGroup, ErrorSummary, Form, RadioGroup, SelectField, SubmitButton, TextArea, TextField, type Choice } from './components/form.js'
export { checkbox, flag, manyOf, optionalText } from './forms/fields.js'
export { DataTable, Pagination, TableRegion, type Column } from './components/table.js'
export { Filters, SearchFilter, SelectFilter } from './components/filters.js'
export { parseForm, validate, type FieldErrors, type FormResult, type FormValues } from './forms/parse-form.js'
export { listQuerySchema, pageOf, pageParam, pageWindow, withQuery, MAX_PAGE, type Page, type SortDirection } from './list-query.js'
