import { useRequestContext } from 'hono/jsx-renderer'
import type { Context } from 'hono'
import type { DistritoEnv } from '../http/env.js'
import type { Translate } from '../i18n/translator.js'

/** The current request, for components rendered inside a page (`c.render`). */
export function useDistrito(): Context<DistritoEnv> {
  return useRequestContext<DistritoEnv>()
}

/** The translator of the current request, so components need no `t` prop. */
export function useT(): Translate {
  return useDistrito().get('t')
}
