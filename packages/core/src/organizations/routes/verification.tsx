/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { currentUser } from '../../auth/guards.js'
import { roleAtLeast } from '../../auth/permissions.js'
import { inTransaction } from '../../db/transaction.js'
import type { DistritoEnv } from '../../http/env.js'
import { httpError } from '../../http/errors.js'
import { setFlash } from '../../http/flash.js'
import { CommentThread, type CommentThreadData, loadCommentThread } from '../../ui/components/comment-thread.js'
import { FileList } from '../../ui/components/file-list.js'
import { FileField, Form, SubmitButton } from '../../ui/components/form.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { WorkflowPanel, type WorkflowPanelData, loadWorkflowPanel } from '../../ui/components/workflow-panel.js'
import { useDistrito } from '../../ui/context.js'
import type { StoredFile } from '../../db/schema/files.js'
import type { OrganizationWithRole } from '../service.js'
import { CERTIFICATE_POLICY, CERTIFICATE_PURPOSE, VERIFICATION_SUBJECT, VERIFICATION_WORKFLOW } from '../verification/workflow.js'
import { loadOrganization } from './profile.js'
import { vars } from '../../http/vars.js'

/** Certificates can change until the organization is verified (then the verification would need revoking first). */
const EDITABLE_STATES = new Set(['unverified', 'rejected'])

interface PageData {
  org: OrganizationWithRole
  panel: WorkflowPanelData
  certificates: StoredFile[]
  comments: CommentThreadData
  canUpload: boolean
  uploadError?: string
}

/** The organization's verification, visible to its members and to the district's verifiers only. */
async function loadVerification(c: Context<DistritoEnv>): Promise<OrganizationWithRole> {
  currentUser(c)
  const org = await loadOrganization(c)
  const { services, auth, can, db } = vars(c)
  if (!(await services.subjects.canView(VERIFICATION_SUBJECT, org.id, { auth, can }, db))) httpError(404)
  return org
}

async function pageData(c: Context<DistritoEnv>, org: OrganizationWithRole): Promise<PageData> {
  const subject = { type: VERIFICATION_SUBJECT, id: org.id }
  const back = `/orgs/${org.slug}/verification`
  const [panel, certificates, comments] = await Promise.all([
    loadWorkflowPanel(c, VERIFICATION_WORKFLOW, org.id, { back }),
    c.get('services').files.list(c.get('db'), subject, CERTIFICATE_PURPOSE),
    loadCommentThread(c, subject),
  ])
  return { org, panel, certificates, comments, canUpload: canChangeCertificates(org, panel.state.name) }
}

/** The organization's admins change its certificates while it is not verified (or under review). */
function canChangeCertificates(org: OrganizationWithRole, state: string): boolean {
  return roleAtLeast(org.viewerRole, 'admin') && EDITABLE_STATES.has(state)
}

/** Refuses, before any work, someone who may not change the certificates now. */
async function requireCertificateChange(c: Context<DistritoEnv>, org: OrganizationWithRole): Promise<void> {
  const state = await c.get('services').workflow(VERIFICATION_WORKFLOW).state(c.get('db'), org.id)
  if (!canChangeCertificates(org, state)) httpError(403)
}

function VerificationPage(props: PageData) {
  const c = useDistrito()
  const { t } = vars(c)
  const { org } = props
  return (
    <>
      <PageHeader title={t('core.verification.title', { organization: org.name })} lead={t('core.verification.lead')}
        actions={<a class="button button--secondary" href={`/orgs/${org.slug}`}>{t('core.org.backToProfile')}</a>} />
      <WorkflowPanel data={props.panel} />
      <section class="section" aria-labelledby="certificates-heading">
        <h2 id="certificates-heading">{t('core.verification.certificates')}</h2>
        <p>{t('core.verification.certificatesLead')}</p>
        <FileList files={props.certificates} label={t('core.verification.certificates')}
          remove={props.canUpload ? { action: (f) => `/orgs/${org.slug}/verification/certificates/${f.id}/delete`, back: `/orgs/${org.slug}/verification` } : undefined} />
        {props.canUpload ? (
          <Form action={`/orgs/${org.slug}/verification/certificates`} enctype="multipart/form-data" errors={props.uploadError ? { certificate: props.uploadError } : undefined}>
            <FileField name="certificate" label={t('core.verification.certificateField')} policy={CERTIFICATE_POLICY} error={props.uploadError} required />
            <SubmitButton>{t('core.verification.upload')}</SubmitButton>
          </Form>
        ) : null}
      </section>
      <CommentThread data={props.comments} />
    </>
  )
}

export function verificationRoutes() {
  const app = new Hono<DistritoEnv>()
  const render = (c: Context<DistritoEnv>, data: PageData) =>
    c.render(<VerificationPage {...data} />, { title: c.get('t')('core.verification.title', { organization: data.org.name }), noindex: true })

  app.get('/orgs/:slug/verification', async (c) => {
    const org = await loadVerification(c)
    return render(c, await pageData(c, org))
  })

  app.post('/orgs/:slug/verification/certificates', async (c) => {
    const user = currentUser(c)
    const org = await loadVerification(c)
    const { services, db, t } = vars(c)
    await requireCertificateChange(c, org)
    const body = await c.req.parseBody()
    const checked = await services.files.check(body.certificate, CERTIFICATE_POLICY, { required: true })
    if (!checked || !checked.ok) {
      c.status(422)
      const problem = checked && !checked.ok ? checked.problem : { message: 'core.files.required' }
      return render(c, { ...(await pageData(c, org)), uploadError: t(problem.message, problem.params) })
    }
    await inTransaction(db, async (tx) => {
      const file = await services.files.save(tx, { subject: { type: VERIFICATION_SUBJECT, id: org.id }, purpose: CERTIFICATE_PURPOSE, file: checked, uploadedBy: user.id })
      await services.audit.record(tx, { actorId: user.id, action: 'core.verification.certificateAdded', subject: { type: VERIFICATION_SUBJECT, id: org.id }, organizationId: org.id, changes: { file: { before: null, after: file.name } } })
    })
    setFlash(c, 'success', 'core.verification.uploaded')
    return c.redirect(`/orgs/${org.slug}/verification`, 303)
  })

  app.post('/orgs/:slug/verification/certificates/:fileId/delete', async (c) => {
    const user = currentUser(c)
    const org = await loadVerification(c)
    const { services, db } = vars(c)
    await requireCertificateChange(c, org)
    const file = await services.files.get(db, c.req.param('fileId'))
    if (!file || file.subjectType !== VERIFICATION_SUBJECT || file.subjectId !== org.id || file.purpose !== CERTIFICATE_PURPOSE) httpError(404)
    await inTransaction(db, async (tx) => {
      await services.files.remove(tx, file)
      await services.audit.record(tx, { actorId: user.id, action: 'core.verification.certificateRemoved', subject: { type: VERIFICATION_SUBJECT, id: org.id }, organizationId: org.id, changes: { file: { before: file.name, after: null } } })
    })
    setFlash(c, 'success', 'core.verification.removed')
    return c.redirect(`/orgs/${org.slug}/verification`, 303)
  })
  return app
}

