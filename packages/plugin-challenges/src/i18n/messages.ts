import type { PluginMessages } from '@distrito/core'
import { catalog } from './catalog.js'

const entries = Object.entries(catalog) as [string, readonly [string, string]][]

export const messages: PluginMessages = {
  'es-CO': Object.fromEntries(entries.map(([key, [es]]) => [key, es])),
  en: Object.fromEntries(entries.map(([key, [, en]]) => [key, en])),
}
