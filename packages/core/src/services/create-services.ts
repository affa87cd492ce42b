import { recordAudit } from '../audit/record.js'
import type { PermissionTable } from '../auth/permissions.js'
import type { DistrictConfig } from '../config/district-config.js'
import type { Database } from '../db/client.js'
import { inTransaction } from '../db/transaction.js'
import { type BoundHandler, type EventBus, createEventBus } from '../events/bus.js'
import { type BoundVeto, createHooks } from '../events/hooks.js'
import type { FileService } from '../files/service.js'
import type { Locale } from '../i18n/locales.js'
import type { Translate } from '../i18n/translator.js'
import type { Logger } from '../log/logger.js'
import type { MailService } from '../mail/outbox.js'
import { followService } from '../notifications/follows.js'
import { createNotify } from '../notifications/notify.js'
import type { NotificationKind } from '../notifications/types.js'
import { AssemblyError } from '../plugin/errors.js'
import type { PluginContext, PluginDefinition } from '../plugin/types.js'
import { createSubjectRegistry } from '../subjects/registry.js'
import type { RegisteredSubject } from '../subjects/types.js'
import { type EngineRunner, createWorkflowRunner } from '../workflow/engine.js'
import type { CoreServices } from './types.js'

/** The core or a plugin, with what it declares to the engine and the context its code runs in. */
export interface Participant {
  id: string
  definition: Pick<PluginDefinition, 'subjects' | 'workflows' | 'notifications' | 'on' | 'hooks'>
  /** Filled in once the services exist: handlers and vetoes receive it. */
  context: PluginContext
}

export interface Engine {
  services: CoreServices
  bus: EventBus
  runners: ReadonlyMap<string, EngineRunner>
  notificationKinds: ReadonlyMap<string, NotificationKind & { plugin: string }>
}

/**
 * Wires what the core and the plugins declare (subjects, workflows, notification kinds, event
 * handlers, vetoes) into the services every plugin receives. Declarations are checked here, so a
 * mistake stops the district at boot.
 */
export function createEngine(parts: {
  db: Database
  participants: readonly Participant[]
  permissions: PermissionTable
  config: DistrictConfig
  translator(locale: Locale): Translate
  mail: MailService
  files: FileService
  logger: Logger
}): Engine {
  const { db, participants } = parts
  const subjects: RegisteredSubject[] = []
  const kinds = new Map<string, NotificationKind & { plugin: string }>()
  const handlers = new Map<string, BoundHandler[]>()
  const vetoes = new Map<string, BoundVeto[]>()
  const runners = new Map<string, EngineRunner>()
  let services: CoreServices | undefined
  const servicesOf = () => services!

  let position = 0
  const handlerKeys = new Set<string>()
  for (const { id, definition, context } of participants) {
    for (const [name, subject] of Object.entries(definition.subjects ?? {})) subjects.push({ ...subject, type: `${id}.${name}`, plugin: id })
    for (const [name, kind] of Object.entries(definition.notifications ?? {})) kinds.set(`${id}.${name}`, { ...kind, plugin: id })
    for (const subscription of definition.on ?? []) {
      const key = `${id}:${subscription.name}`
      if (handlerKeys.has(key)) {
        throw new AssemblyError('DUPLICATE_HANDLER', `"${id}" subscribes twice under the name "${subscription.name}": give each handler its own \`name\` so retries reach the right one.`)
      }
      handlerKeys.add(key)
      const list = handlers.get(subscription.event.name) ?? []
      list.push({ key, position: position++, run: (payload) => subscription.handler(payload, context) })
      handlers.set(subscription.event.name, list)
    }
    for (const registration of definition.hooks ?? []) {
      const list = vetoes.get(registration.hook.name) ?? []
      list.push({ plugin: id, check: (input) => registration.check(input, context) })
      vetoes.set(registration.hook.name, list)
    }
    for (const workflow of definition.workflows ?? []) {
      const full = `${id}.${workflow.id}`
      if (!definition.subjects?.[workflow.subject]) {
        throw new AssemblyError('INVALID_WORKFLOW', `Workflow "${full}" is about "${workflow.subject}", which "${id}" does not declare in its \`subjects\`.`)
      }
      const notifies = Object.values(workflow.transitions).some((t) => (t as { notify?: unknown }).notify)
      if (notifies && !definition.notifications?.[workflow.id]) {
        throw new AssemblyError('UNKNOWN_NOTIFICATION', `Workflow "${full}" notifies people; declare the notification kind "${workflow.id}" in the \`notifications\` of "${id}" (its label and whether it comes by email).`)
      }
      runners.set(full, createWorkflowRunner(workflow, { db, plugin: id, permissions: parts.permissions, services: servicesOf, logger: parts.logger.child({ component: 'workflow' }) }))
    }
  }

  const bus = createEventBus(db, handlers, parts.logger.child({ component: 'events' }))
  services = Object.freeze({
    transaction: (work) => inTransaction(db, work),
    workflow(id) {
      const runner = runners.get(id)
      if (!runner) throw new Error(`No workflow "${id}" is installed in this district.`)
      return runner
    },
    workflows: runners,
    events: { publish: (executor, event, payload) => bus.publish(executor, event, payload) },
    hooks: createHooks(vetoes),
    audit: { record: recordAudit },
    notify: createNotify({ kinds, config: parts.config, translator: parts.translator, mail: parts.mail }),
    follows: followService,
    files: parts.files,
    subjects: createSubjectRegistry(subjects),
  } satisfies CoreServices)
  return { services, bus, runners, notificationKinds: kinds }
}
