import type { HookDefinition, Veto } from './define.js'

export interface BoundVeto {
  plugin: string
  check(input: unknown): Promise<Veto | null>
}

export interface Hooks {
  /** Asks every plugin that watches `hook`; an empty list means nobody refuses. */
  vetoes<T>(hook: HookDefinition<T>, input: T): Promise<(Veto & { plugin: string })[]>
}

export function createHooks(registrations: ReadonlyMap<string, readonly BoundVeto[]>): Hooks {
  return {
    async vetoes(hook, input) {
      const found: (Veto & { plugin: string })[] = []
      for (const registration of registrations.get(hook.name) ?? []) {
        const veto = await registration.check(input)
        if (veto) found.push({ ...veto, plugin: registration.plugin })
      }
      return found
    },
  }
}
