import type { SeedContext } from '@distrito/core'

/** Demo data lives in the instance (examples/valle-del-cauca); the plugin itself needs none. */
export async function seedChallenges(_ctx: SeedContext): Promise<void> {}
