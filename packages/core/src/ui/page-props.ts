/** What a page passes to `c.render(content, props)`. */
export interface PageProps {
  /** The page's own title; the shell appends the district's name. */
  title: string
  /** Search engines should not index private pages. */
  noindex?: boolean
}

declare module 'hono' {
  interface ContextRenderer {
    (content: string | Promise<string>, props: PageProps): Response | Promise<Response>
  }
}
