/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { describe, expect, it } from 'vitest'
import { html as honoHtml } from 'hono/html'
import { html, raw } from '@distrito/core/ui'

const nasty = `<img src=x onerror="alert('1')"> & co`

/** Both tags given the same pieces: ours must write what hono's writes. */
async function both(build: (tag: typeof html) => ReturnType<typeof html>): Promise<[string, string]> {
  return [String(await build(html)), String(await build(honoHtml as typeof html))]
}

describe('the html template tag', () => {
  it('escapes text in content and attributes as hono does', async () => {
    const [ours, hono] = await both((tag) => tag`<a title="${nasty}" href="/x?a=${'1&b=2'}">${nasty}</a>`)
    expect(ours).toBe('<a title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co" href="/x?a=1&amp;b=2">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co</a>')
    expect(ours).toBe(hono)
  })

  it('writes numbers, skips null, undefined and booleans, and flattens nested lists', async () => {
    const [ours, hono] = await both((tag) => tag`<p>${0}${null}${undefined}${false}${true}${[1, ['<b>', [2.5]], []]}</p>`)
    expect(ours).toBe('<p>01&lt;b&gt;2.5</p>')
    expect(ours).toBe(hono)
  })

  it('inserts escaped strings, nested templates and JSX as they render', async () => {
    const [ours, hono] = await both((tag) => tag`<div>${raw('<hr/>')}${tag`<i>${nasty}</i>`}${<span title={nasty}>{nasty}</span>}</div>`)
    expect(ours).toContain('<hr/><i>&lt;img')
    expect(ours).toContain('<span title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co">')
    expect(ours).toBe(hono)
  })

  it('waits for a component that renders later, as hono does', async () => {
    async function Later() {
      await new Promise((resolve) => setTimeout(resolve, 1))
      return <em>{nasty}</em>
    }
    const result = html`<div>${nasty}${<Later />}</div>`
    expect(result).toBeInstanceOf(Promise)
    const [ours, hono] = await both((tag) => tag`<div>${nasty}${<Later />}</div>`)
    expect(ours).toBe('<div>&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co<em>&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co</em></div>')
    expect(ours).toBe(hono)
  })
})
