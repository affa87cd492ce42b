import type { SQLWrapper } from 'drizzle-orm'
import type { Executor, FileService } from '@distrito/core'
import { listColumn } from '@distrito/core/db'
import { challenges } from '../schema.js'
import { groupRelated, groupTags, organizationsOfChallengeSelect, tagsSelect } from './challenge-service.js'
import { latestAnswersSelect, latestUpdatesSelect, ownQuestionsSelect } from './faq.js'
import { challengeFinderWith } from './find-challenge.js'
import { CHALLENGE_SUBJECT } from '../workflow.js'

/**
 * A challenge's page with what it shows besides the challenge, in the statement that finds the
 * challenge: its tags, co-sponsors, resources, newest answers and updates, and the person's own
 * questions (none for a visitor, who asks as nobody). Built once per plugin, since the resources
 * come through the core's file service.
 */
export function challengeOverviewFinder(files: FileService) {
  return challengeFinderWith(
    (db: Executor, userId: SQLWrapper) => ({
      tags: listColumn(tagsSelect(db, challenges.id)),
      related: listColumn(organizationsOfChallengeSelect(db, challenges.id)),
      resources: listColumn(files.listQuery(db, { type: CHALLENGE_SUBJECT, id: challenges.id }, 'resource')),
      faq: listColumn(latestAnswersSelect(db, challenges.id)),
      news: listColumn(latestUpdatesSelect(db, challenges.id)),
      mine: listColumn(ownQuestionsSelect(db, challenges.id, userId)),
    }),
    // Named one by one, not spread: a spread followed by more properties falls off V8's fast path
    // on Node 20 (docs/benchmarks.md, seventeenth round).
    ({ tags, related, resources, faq, news, mine }) => ({ tags: groupTags(tags), related: groupRelated(related), resources, faq, news, mine }),
  )
}
