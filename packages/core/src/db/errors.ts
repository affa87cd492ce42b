/**
 * Whether a failed statement broke a UNIQUE constraint on this `table.column`: two people taking
 * the same email or slug at the same moment. drizzle wraps libsql's error in `cause`.
 */
export function isUniqueViolation(error: unknown, column: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.message.includes(`UNIQUE constraint failed: ${column}`)) return true
  }
  return false
}
