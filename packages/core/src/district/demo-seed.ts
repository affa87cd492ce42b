import { inArray } from 'drizzle-orm'
import type { DistrictConfig } from '../config/district-config.js'
import type { Database } from '../db/client.js'
import { memberships } from '../db/schema/memberships.js'
import { organizations } from '../db/schema/organizations.js'
import { users } from '../db/schema/users.js'
import { hashPassword } from '../auth/password.js'
import { AssemblyError } from '../plugin/errors.js'
import { organizationInputSchema } from '../organizations/organization-schema.js'
import { createOrganization } from '../organizations/service.js'
import { slugify } from '../db/slugs.js'
import { actingAs } from '../auth/acting-as.js'
import { addComment } from '../comments/service.js'
import type { CoreServices } from '../services/types.js'
import { simplePdf } from '../files/simple-pdf.js'
import { CERTIFICATE_PURPOSE, VERIFICATION_SUBJECT, VERIFICATION_WORKFLOW } from '../organizations/verification/workflow.js'

/**
 * The demo's people and organizations from the configuration. Idempotent: people are matched by
 * email and organizations by slug, so a second run adds only what is missing.
 */
export async function seedDemoCommunity(db: Database, config: DistrictConfig, services: CoreServices): Promise<void> {
  const demo = config.demo
  if (!demo || (demo.people.length === 0 && demo.organizations.length === 0)) return
  const password = demo.password ?? demo.admin.password
  const emails = demo.people.map((p) => p.email.toLowerCase())
  const existing = new Set((emails.length ? await db.select({ email: users.email }).from(users).where(inArray(users.email, emails)) : []).map((u) => u.email))
  const missing = demo.people.filter((p) => !existing.has(p.email.toLowerCase()))
  if (missing.length) {
    // One hash for everyone: argon2id is slow on purpose, and the demo shares a password anyway.
    const hash = await hashPassword(password)
    const now = new Date()
    await db.insert(users).values(missing.map((p) => ({
      id: crypto.randomUUID(), email: p.email.toLowerCase(), name: p.name, locale: p.locale ?? null, passwordHash: hash,
      emailVerifiedAt: now, termsAcceptedAt: now, privacyAcceptedAt: now,
    })))
  }
  const people = new Map((await db.select({ id: users.id, email: users.email }).from(users)
    .where(inArray(users.email, [...emails, demo.admin.email.toLowerCase()]))).map((u) => [u.email, u.id]))

  const schema = organizationInputSchema(config)
  const slugs = demo.organizations.map((o) => slugify(o.name, 'organizacion'))
  const present = new Set((slugs.length ? await db.select({ slug: organizations.slug }).from(organizations).where(inArray(organizations.slug, slugs)) : []).map((o) => o.slug))
  for (const org of demo.organizations) {
    if (present.has(slugify(org.name, 'organizacion'))) continue
    const parsed = schema.safeParse(org)
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
      throw new AssemblyError('INVALID_CONFIG', `Demo organization "${org.name}" is invalid: ${detail}.`)
    }
    const [owner, ...others] = org.members
    const ownerId = owner && people.get(owner.email.toLowerCase())
    if (!owner || owner.role !== 'owner' || !ownerId) {
      throw new AssemblyError('INVALID_CONFIG', `Demo organization "${org.name}" must list an owner from demo.people first.`)
    }
    const created = await createOrganization(db, parsed.data, ownerId)
    const rest = others.flatMap((m) => {
      const userId = people.get(m.email.toLowerCase())
      if (!userId) throw new AssemblyError('INVALID_CONFIG', `Demo organization "${org.name}" lists ${m.email}, who is not in demo.people.`)
      return [{ organizationId: created.id, userId, role: m.role }]
    })
    if (rest.length) await db.insert(memberships).values(rest).onConflictDoNothing()
    const verification = org.verification ?? (org.verified ? 'verified' : undefined)
    const adminId = people.get(demo.admin.email.toLowerCase())
    if (verification && adminId) await verifyThroughWorkflow(db, services, { id: created.id, name: created.name, ownerId, adminId }, verification)
  }
}

/**
 * Demo verifications go through the verification workflow as people would: the owner attaches a
 * certificate and asks, the demo administrator decides. The timeline, audit log and notifications
 * are then the ones a real district would show.
 */
async function verifyThroughWorkflow(
  db: Database,
  services: CoreServices,
  org: { id: string; name: string; ownerId: string; adminId: string },
  target: 'requested' | 'verified' | 'rejected',
): Promise<void> {
  const runner = services.workflow(VERIFICATION_WORKFLOW)
  const owner = { kind: 'person' as const, auth: await actingAs(db, org.ownerId) }
  const admin = { kind: 'person' as const, auth: await actingAs(db, org.adminId) }
  const bytes = simplePdf(['DEMOSTRACION - documento ficticio', `Certificado de existencia: ${org.name}`])
  await services.transaction((tx) =>
    services.files.save(tx, { subject: { type: VERIFICATION_SUBJECT, id: org.id }, purpose: CERTIFICATE_PURPOSE, file: { ok: true, type: 'pdf', bytes, name: 'certificado-demo.pdf' }, uploadedBy: org.ownerId }),
  )
  const steps: [typeof owner, string, string | null][] = [[owner, 'request', 'Solicitamos la verificación; adjuntamos el certificado.']]
  if (target === 'verified') steps.push([admin, 'approve', null])
  if (target === 'rejected') steps.push([admin, 'reject', 'El certificado adjunto tiene más de 30 días: por favor adjunte uno reciente.'])
  for (const [actor, transition, note] of steps) {
    const result = await runner.fire(actor, org.id, transition, { note })
    if (!result.ok) throw new Error(`Demo verification of "${org.name}" could not ${transition}: ${result.refusal.message}`)
  }
  // A rejected request has its conversation: the owner answers the district's team.
  if (target === 'rejected') {
    await addComment(db, { subject: { type: VERIFICATION_SUBJECT, id: org.id }, parentId: null, authorId: org.ownerId, body: 'Gracias. Pedimos un certificado nuevo a la Cámara de Comercio y lo adjuntamos esta semana.' })
  }
}
