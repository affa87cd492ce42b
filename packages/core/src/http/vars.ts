import type { Context, Env } from 'hono'

// Reads each name through `c.get` when it is asked for, so a destructuring reads the few it names.
const byName: ProxyHandler<Context> = { get: (c, name) => c.get(name as never) }

/**
 * The request's variables, as `c.var` gives them: `const { t, db } = vars(c)`. Hono's `c.var`
 * copies every variable of the request (about twenty) into a new object on each access, which cost
 * a page 3–4 µs under load each time it was read (docs/benchmarks.md, seventeenth round).
 */
export function vars<E extends Env>(c: Context<E>): Context<E>['var'] {
  return new Proxy(c as Context, byName) as unknown as Context<E>['var']
}
