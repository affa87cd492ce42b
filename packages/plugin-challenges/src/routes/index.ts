import type { Hono } from 'hono'
import type { DistritoEnv, PluginContext } from '@distrito/core'
import { catalogueRoutes } from './catalogue.js'
import { challengeEditingRoutes } from './challenge-editing.js'
import { challengePageRoutes } from './challenge-page.js'
import { conversationRoutes } from './conversation.js'
import { dashboardRoutes } from './dashboard.js'
import { entriesRoutes } from './entries.js'
import { evaluationRoutes } from './evaluation.js'
import { formBuilderRoutes } from './form-builder.js'
import { personalRoutes } from './personal.js'
import { resultsRoutes } from './results.js'
import { submissionRoutes } from './submissions.js'
import { teamRoutes } from './team.js'
import { voteRoutes } from './vote.js'

/** Every page of the plugin; fixed paths (`/new`, `/mine`, `/judging`) come before `/:slug`. */
export function registerRoutes(app: Hono<DistritoEnv>, ctx: PluginContext): void {
  catalogueRoutes(app, ctx)
  personalRoutes(app, ctx)
  challengeEditingRoutes(app, ctx)
  challengePageRoutes(app, ctx)
  conversationRoutes(app, ctx)
  submissionRoutes(app, ctx)
  teamRoutes(app, ctx)
  formBuilderRoutes(app, ctx)
  dashboardRoutes(app, ctx)
  entriesRoutes(app, ctx)
  evaluationRoutes(app, ctx)
  voteRoutes(app, ctx)
  resultsRoutes(app, ctx)
}
