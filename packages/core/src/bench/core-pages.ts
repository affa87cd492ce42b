import { DIRECTORY_PAGE_SIZE } from '../organizations/routes/directory.js'
import { MAX_PAGE } from '../ui/list-query.js'
import type { BenchPage } from './types.js'
import type { Population } from './population.js'

/** The core's key pages: what every visitor and member of a district opens most. */
export function corePages(pop: Population, organizationSlug: string): BenchPage[] {
  const member = pop.personEmail(pop.organizations + 5)
  const deepPage = Math.min(MAX_PAGE, Math.max(2, Math.floor(pop.organizations / DIRECTORY_PAGE_SIZE / 2)))
  return [
    { name: 'home', path: '/' },
    { name: 'home (signed in)', path: '/', as: member },
    { name: 'login', path: '/login' },
    { name: 'organizations: first page', path: '/orgs' },
    { name: 'organizations: deep page', path: `/orgs?page=${deepPage}` },
    { name: 'organizations: search', path: '/orgs?q=analitica' },
    { name: 'organizations: filters', path: '/orgs?kind=startup&page=3' },
    { name: 'organization profile', path: `/orgs/${organizationSlug}` },
    { name: 'notifications', path: '/notifications', as: member },
  ]
}
