import { randomUUID } from 'node:crypto'

// What a proxy in front may hand on as the request's id (as hono's `requestId` accepts).
const ID_SHAPE = /^[\w\-=]{1,255}$/

/**
 * The request's id: the one a load balancer sent in `X-Request-Id` when it is a plain token, so a
 * request can be followed across both logs; otherwise a new UUID. Set in the district's first
 * middleware rather than by hono's `requestId`, which is one more layer every request passes
 * through (docs/benchmarks.md, eighteenth round).
 */
export function requestIdFrom(sent: string | undefined): string {
  return sent !== undefined && ID_SHAPE.test(sent) ? sent : randomUUID()
}
