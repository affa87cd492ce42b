import { ensureAdmin } from '../auth/admin.js'
import { seedDemoCommunity } from './demo-seed.js'
import type { DistrictConfig } from '../config/district-config.js'
import type { Database } from '../db/client.js'
import type { MountedPlugin } from './mounted-plugin.js'
import type { CoreServices } from '../services/types.js'

export interface SeedOptions {
  /** Adds demo data and the demo administrator from the configuration. */
  demo?: boolean
  /** Called as each package's seed starts. */
  onStep?: (owner: string, step: number, total: number) => void
  /** Called by long seeds to report how far they are. */
  onProgress?: (owner: string, done: number, total: number) => void
}

/**
 * Runs the core's seed, then each plugin's in dependency order. Every seed is idempotent, so
 * running this on a seeded database changes nothing.
 */
export async function runSeeds(
  parts: { db: Database; config: DistrictConfig; plugins: readonly MountedPlugin[]; services: CoreServices },
  options: SeedOptions = {},
): Promise<void> {
  const { db, config, plugins } = parts
  const demo = options.demo ?? false
  const seeded = plugins.filter((p) => p.definition.seed)
  const total = seeded.length + 1
  options.onStep?.('core', 1, total)
  if (demo && config.demo) {
    await ensureAdmin(db, config.demo.admin)
    await seedDemoCommunity(db, config, parts.services)
  }
  let step = 1
  for (const plugin of seeded) {
    step += 1
    options.onStep?.(plugin.id, step, total)
    await plugin.definition.seed!({
      ...plugin.context,
      demo,
      progress: (done, of) => options.onProgress?.(plugin.id, done, of),
    })
  }
}
