/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { useDistrito } from '@distrito/core/ui'
import type { ChallengeAccess } from '../domain/access.js'
import { EVALUATED_STATES, RESULTS_STATES, inStates } from '../domain/phases.js'

export type ChallengeTab = 'overview' | 'manage' | 'entries' | 'evaluation' | 'setup' | 'results' | 'vote'

/** The challenge's sections; the people running it see its management pages too. */
export function ChallengeTabs(props: { slug: string; current: ChallengeTab; access: ChallengeAccess; state: string; publicVote: boolean }) {
  const t = useDistrito().get('t')
  const base = `/challenges/${props.slug}`
  const published = inStates(RESULTS_STATES, props.state)
  const tabs: { id: ChallengeTab; href: string; label: string }[] = [
    { id: 'overview', href: base, label: t('challenges.tab.overview') },
    ...(props.access.staff ? [
      { id: 'manage' as const, href: `${base}/manage`, label: t('challenges.tab.manage') },
      { id: 'entries' as const, href: `${base}/entries`, label: t('challenges.tab.entries') },
    ] : []),
    ...(props.access.staff || props.access.judge ? [{ id: 'evaluation' as const, href: `${base}/evaluation`, label: t('challenges.tab.evaluation') }] : []),
    ...(props.access.staff ? [{ id: 'setup' as const, href: `${base}/evaluation/setup`, label: t('challenges.tab.setup') }] : []),
    ...(props.publicVote && inStates(EVALUATED_STATES, props.state) ? [{ id: 'vote' as const, href: `${base}/vote`, label: t('challenges.tab.vote') }] : []),
    ...(published || props.access.staff ? [{ id: 'results' as const, href: `${base}/results`, label: t('challenges.tab.results') }] : []),
  ]
  if (tabs.length < 2) return null
  return (
    <nav class="challenges-tabs" aria-label={t('challenges.tab.label')}>
      <ul>
        {tabs.map((tab) => <li><a href={tab.href} aria-current={tab.id === props.current ? 'page' : undefined}>{tab.label}</a></li>)}
      </ul>
    </nav>
  )
}
