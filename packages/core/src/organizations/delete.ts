import { and, eq, inArray } from 'drizzle-orm'
import { comments } from '../db/schema/comments.js'
import { follows } from '../db/schema/notifications.js'
import { organizations } from '../db/schema/organizations.js'
import { workflowItems, workflowTimers } from '../db/schema/workflows.js'
import { inTransaction, type Executor } from '../db/transaction.js'
import type { Database } from '../db/client.js'
import { coreEvents, coreHooks } from '../events/core-events.js'
import type { Veto } from '../events/define.js'
import type { CoreServices } from '../services/types.js'
import { VERIFICATION_SUBJECT, VERIFICATION_WORKFLOW } from './verification/workflow.js'

/** The core's own items about an organization, removed with it; the audit log and timeline stay. */
async function removeCoreItems(tx: Executor, services: CoreServices, organizationId: string): Promise<void> {
  const subjects = [VERIFICATION_SUBJECT, 'core.organization']
  for (const type of subjects) await services.files.removeAll(tx, { type, id: organizationId })
  await tx.delete(comments).where(and(inArray(comments.subjectType, subjects), eq(comments.subjectId, organizationId)))
  await tx.delete(follows).where(and(inArray(follows.subjectType, subjects), eq(follows.subjectId, organizationId)))
  await tx.delete(workflowTimers).where(and(eq(workflowTimers.workflow, VERIFICATION_WORKFLOW), eq(workflowTimers.itemId, organizationId)))
  await tx.delete(workflowItems).where(and(eq(workflowItems.workflow, VERIFICATION_WORKFLOW), eq(workflowItems.itemId, organizationId)))
}

/**
 * Deletes an organization unless a plugin refuses (it has open applications, a landing case…).
 * Memberships and invitations go with it; plugins hear of it through `core.organization.deleted`.
 */
export async function deleteOrganization(
  db: Database,
  services: CoreServices,
  input: { organization: { id: string; name: string }; actorId: string },
): Promise<{ ok: true } | { ok: false; vetoes: (Veto & { plugin: string })[] }> {
  const vetoes = await services.hooks.vetoes(coreHooks.organizationDelete, { organizationId: input.organization.id })
  if (vetoes.length) return { ok: false, vetoes }
  await inTransaction(db, async (tx) => {
    await removeCoreItems(tx, services, input.organization.id)
    await tx.delete(organizations).where(eq(organizations.id, input.organization.id))
    await services.audit.record(tx, {
      actorId: input.actorId,
      action: 'core.organization.deleted',
      subject: { type: 'core.organization', id: input.organization.id },
      organizationId: input.organization.id,
      changes: { name: { before: input.organization.name, after: null } },
    })
    await services.events.publish(tx, coreEvents.organizationDeleted, { organizationId: input.organization.id, name: input.organization.name })
  })
  return { ok: true }
}
