import { eq } from 'drizzle-orm'
import { organizations } from '../../db/schema/organizations.js'
import { coreEvents } from '../../events/core-events.js'
import type { FilePolicy } from '../../files/service.js'
import { defineWorkflow } from '../../workflow/define.js'

/** The subject of an organization's verification: its request, certificate and conversation. */
export const VERIFICATION_SUBJECT = 'core.verification'
/** The workflow's full id (the core's `verification`), for the engine and for joins. */
export const VERIFICATION_WORKFLOW = 'core.verification'
export const CERTIFICATE_PURPOSE = 'certificate'
/** A chamber-of-commerce certificate, RUT or equivalent: a PDF or a photo of it. */
export const CERTIFICATE_POLICY: FilePolicy = { maxBytes: 10 * 1024 * 1024, types: ['pdf', 'png', 'jpeg'] }

interface VerificationItem {
  id: string
  name: string
  slug: string
}

const orgAdmins = (item: VerificationItem) => ({ organization: { id: item.id, minRole: 'admin' as const } })

/**
 * How an organization becomes verified: its administrators attach a certificate and ask; the
 * district's team approves or rejects with a reason, and can withdraw a verification later.
 * Administrators may also verify directly an organization they know.
 */
export const verificationWorkflow = defineWorkflow({
  id: 'verification',
  subject: 'verification',
  initial: 'unverified',
  states: {
    unverified: { label: 'core.verification.state.unverified' },
    requested: { label: 'core.verification.state.requested' },
    verified: { label: 'core.verification.state.verified' },
    rejected: { label: 'core.verification.state.rejected' },
  },
  transitions: {
    request: {
      from: ['unverified', 'rejected'],
      to: 'requested',
      label: 'core.verification.action.request',
      by: [{ organizationRole: 'admin' }],
      note: 'optional',
      async guard(item, { tx, services }) {
        const certificates = await services.files.list(tx, { type: VERIFICATION_SUBJECT, id: item.id }, CERTIFICATE_PURPOSE)
        return certificates.length ? null : { message: 'core.verification.needsCertificate' }
      },
      notify: () => ({ managersOf: 'core' }),
    },
    approve: {
      from: ['unverified', 'requested', 'rejected'],
      to: 'verified',
      label: 'core.verification.action.approve',
      by: ['core:organizations.verify'],
      note: 'optional',
      async effect(item, { tx, actor, services }) {
        const by = actor.kind === 'person' ? actor.auth.user!.id : null
        await tx.update(organizations).set({ verifiedAt: new Date(), verifiedBy: by }).where(eq(organizations.id, item.id))
        await services.events.publish(tx, coreEvents.organizationVerified, { organizationId: item.id })
      },
      notify: orgAdmins,
    },
    reject: {
      from: ['requested'],
      to: 'rejected',
      label: 'core.verification.action.reject',
      by: ['core:organizations.verify'],
      note: 'required',
      notify: orgAdmins,
    },
    revoke: {
      from: ['verified'],
      to: 'unverified',
      label: 'core.verification.action.revoke',
      by: ['core:organizations.verify'],
      note: 'required',
      async effect(item, { tx }) {
        await tx.update(organizations).set({ verifiedAt: null, verifiedBy: null }).where(eq(organizations.id, item.id))
      },
      notify: orgAdmins,
    },
  },
  async load(db, id): Promise<VerificationItem | undefined> {
    const [row] = await db.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).where(eq(organizations.id, id))
    return row
  },
  organizationOf: (item) => item.id,
  title: (item) => item.name,
  href: (item) => `/orgs/${item.slug}/verification`,
})
