import { z } from 'zod'
import { defineEvent, defineHook } from './define.js'

/** Events the core publishes; plugins subscribe to them like to each other's. */
export const coreEvents = {
  /** Any item of any workflow changed state. */
  workflowTransitioned: defineEvent(
    'core.workflow.transitioned',
    z.object({
      workflow: z.string(),
      itemId: z.string(),
      transition: z.string(),
      from: z.string(),
      to: z.string(),
      actorId: z.string().nullable(),
    }),
  ),
  organizationCreated: defineEvent('core.organization.created', z.object({ organizationId: z.string(), createdBy: z.string() })),
  organizationVerified: defineEvent('core.organization.verified', z.object({ organizationId: z.string() })),
  organizationDeleted: defineEvent('core.organization.deleted', z.object({ organizationId: z.string(), name: z.string() })),
}

/** Points where plugins may refuse a core action. */
export const coreHooks = {
  /** Before an organization is deleted: a plugin with open cases of it refuses. */
  organizationDelete: defineHook<{ organizationId: string }>('core.organization.delete'),
  /** Before a person deletes their account: a plugin may refuse while they hold a role others rely on. */
  accountDelete: defineHook<{ userId: string }>('core.account.delete'),
}
