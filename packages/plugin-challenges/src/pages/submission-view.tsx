/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { StoredFile } from '@distrito/core/db'
import { FileList, useDistrito } from '@distrito/core/ui'
import type { FormField, Submission } from '../schema.js'

/**
 * An entry as its readers see it. In a blind review the team's identity (people, organizations,
 * the team description) is left out for judges.
 */
export function SubmissionView(props: { submission: Submission; fields: FormField[]; files: StoredFile[]; blind: boolean; team: { name: string; lead: boolean }[]; organizations: { slug: string; name: string }[]; headingLevel?: 2 | 3 }) {
  const t = useDistrito().get('t')
  const s = props.submission
  const H = props.headingLevel === 3 ? 'h3' : 'h2'
  const block = (label: string, text: string) => (text ? <><H>{label}</H><div class="prose">{text}</div></> : null)
  return (
    <article class="section challenges-submission">
      {props.blind ? <p class="notice">{t('challenges.submission.blindNotice')}</p> : (
        <>
          <H>{t('challenges.submission.teamTitle')}</H>
          <ul class="list">
            {props.team.map((m) => <li>{m.name}{m.lead ? <span class="badge">{t('challenges.submission.lead')}</span> : null}</li>)}
          </ul>
          {props.organizations.length ? <p>{t('challenges.submission.organizations')}: {props.organizations.map((o, i) => <>{i ? ', ' : ''}<a href={`/orgs/${o.slug}`}>{o.name}</a></>)}</p> : null}
        </>
      )}
      {block(t('challenges.submission.summary'), s.summary)}
      {block(t('challenges.submission.approach'), s.approach)}
      {props.blind ? null : block(t('challenges.submission.team'), s.team)}
      {block(t('challenges.submission.aiUse'), s.aiUse)}
      {props.fields.map((f) => {
        if (f.type === 'file') {
          const files = props.files.filter((file) => file.purpose === `field:${f.id}`)
          return files.length ? <><H>{f.label}</H><FileList files={files} label={f.label} /></> : null
        }
        const value = s.answers[f.id]
        if (!value) return null
        return f.type === 'link' ? <><H>{f.label}</H><p><a href={value} rel="noopener noreferrer nofollow">{value}</a></p></> : block(f.label, value)
      })}
    </article>
  )
}
