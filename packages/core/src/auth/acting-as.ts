import { eq } from 'drizzle-orm'
import { managedProgramsColumn, parseManagedPrograms } from './managed-programs.js'
import type { Database } from '../db/client.js'
import { users } from '../db/schema/users.js'
import type { Executor } from '../db/transaction.js'
import type { AuthState } from './auth-state.js'

/**
 * A person as the engine sees them outside a request: for seeds and scripts that act on
 * someone's behalf through the same rules as the pages (`runner.fire({ kind: 'person', auth })`).
 */
export async function actingAs(db: Database | Executor, userId: string): Promise<AuthState> {
  const [row] = await db
    .select({
      id: users.id, email: users.email, name: users.name, platformRole: users.platformRole, locale: users.locale, emailVerifiedAt: users.emailVerifiedAt,
      managerOf: managedProgramsColumn,
    })
    .from(users)
    .where(eq(users.id, userId))
  if (!row) throw new Error(`No person with id ${userId}.`)
  return {
    session: null,
    user: { id: row.id, email: row.email, name: row.name, platformRole: row.platformRole, locale: row.locale, emailVerified: row.emailVerifiedAt !== null },
    organization: null,
    managerOf: parseManagedPrograms(row.managerOf),
    unreadNotifications: 0,
  }
}
