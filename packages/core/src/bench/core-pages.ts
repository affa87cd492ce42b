import { DIRECTORY_PAGE_SIZE } from '../organizations/routes/directory.js'
import { encodeCursor, type Cursor, MAX_PAGE } from '../ui/list-query.js'
import type { BenchPage } from './types.js'
import type { Population } from './population.js'

/** The directory page in the middle of the directory, the one "deep page" measures. */
export function deepDirectoryPage(pop: Population): number {
  return Math.min(MAX_PAGE, Math.max(2, Math.floor(pop.organizations / DIRECTORY_PAGE_SIZE / 2)))
}

/**
 * The core's key pages: what every visitor and member of a district opens most. The deep page is
 * reached as people reach it, by "next" from the page before (`before` is that page's last row).
 */
export function corePages(pop: Population, organizationSlug: string, beforeDeepPage: Cursor): BenchPage[] {
  const member = pop.personEmail(pop.organizations + 5)
  const deepPage = deepDirectoryPage(pop)
  return [
    { name: 'home', path: '/' },
    { name: 'home (signed in)', path: '/', as: member },
    { name: 'login', path: '/login' },
    { name: 'organizations: first page', path: '/orgs' },
    { name: 'organizations: deep page', path: `/orgs?page=${deepPage}&after=${encodeCursor(beforeDeepPage)}` },
    { name: 'organizations: search', path: '/orgs?q=analitica' },
    { name: 'organizations: search with a filter', path: '/orgs?q=analitica&kind=startup' },
    { name: 'organizations: filters', path: '/orgs?kind=startup&page=3' },
    { name: 'organization profile', path: `/orgs/${organizationSlug}` },
    { name: 'notifications', path: '/notifications', as: member },
  ]
}
