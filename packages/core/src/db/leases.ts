import { type SQL, isNull, lt, or } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'

/**
 * A row no instance holds at `now`: never leased, or its lease ran out (the instance that took
 * it stopped). Background work claims rows with this condition and a new `lease_until`.
 */
export function leaseFree(leaseUntil: SQLiteColumn, now: Date): SQL {
  return or(isNull(leaseUntil), lt(leaseUntil, now))!
}
