/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { StoredFile } from '../../db/schema/files.js'
import { formatBytes } from '../../files/service.js'
import { useDistrito } from '../context.js'
import { vars } from '../../http/vars.js'

/** Links to an item's attachments, each with its size and date; served only to who may see the item. */
export function FileList(props: { files: readonly StoredFile[]; label: string; remove?: { action: (file: StoredFile) => string; back: string } }) {
  const c = useDistrito()
  const { t, format } = vars(c)
  if (!props.files.length) return <p class="meta">{t('core.files.none')}</p>
  return (
    <ul class="file-list" aria-label={props.label}>
      {props.files.map((file) => (
        <li>
          <a href={`/files/${file.id}/${encodeURIComponent(file.name)}`}>{file.name}</a>{' '}
          <span class="meta">{formatBytes(file.size)} · <time datetime={file.createdAt.toISOString()}>{format.date(file.createdAt)}</time></span>
          {props.remove ? (
            <form method="post" action={props.remove.action(file)} class="inline-form">
              <input type="hidden" name="back" value={props.remove.back} />
              <button type="submit" class="button button--secondary button--small">{t('core.files.remove')}<span class="visually-hidden"> {file.name}</span></button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
