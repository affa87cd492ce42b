/**
 * The headers of the response being served, gathered as a plain record while the request goes
 * through the middleware and the route: `c.header()` writes here (`middleware/response-headers.ts`),
 * and a page rendered in the shell is built from the record in one step. Why: every header written
 * through Hono's context or `c.res.headers` goes through undici's `Headers`, which validates,
 * lower-cases and re-sorts on writes and reads; with the district's 17 headers that cost a page
 * about a tenth of its time (docs/benchmarks.md, thirteenth round), while @hono/node-server
 * writes a plain record to the socket as it is.
 */
export class ResponseHeaders {
  /** Lower-cased names, so that a page's `Referrer-Policy` replaces the default `referrer-policy`. */
  #values: Record<string, string> = {}
  readonly #cookies: string[] = []
  /**
   * Whether `#values` is also the built page's header object. It is handed over as it is: a copy
   * of a record of 17 headers per request cost a page more than writing them, and the copies
   * outlived their requests (docs/benchmarks.md, thirteenth round).
   */
  #handedOver = false
  /**
   * The page `respond()` built: from then on writes also go to its own headers, as Hono's would
   * (the slower path), and the record stays whole for another answer (an error page, say).
   */
  #page: Response | null = null

  set(name: string, value: string): void {
    this.#page?.headers.set(name, value)
    const key = name.toLowerCase()
    if (key === 'set-cookie') this.#cookies.splice(0, this.#cookies.length, value)
    else this.#own()[key] = value
  }

  /** As `Headers.append`: a second value joins the first with a comma; cookies stay separate. */
  append(name: string, value: string): void {
    this.#page?.headers.append(name, value)
    const key = name.toLowerCase()
    if (key === 'set-cookie') return void this.#cookies.push(value)
    const values = this.#own()
    values[key] = key in values ? `${values[key]}, ${value}` : value
  }

  delete(name: string): void {
    this.#page?.headers.delete(name)
    const key = name.toLowerCase()
    if (key === 'set-cookie') this.#cookies.length = 0
    else delete this.#own()[key]
  }

  /** The record's values, taken back from the page they were handed to (with its type and cookie). */
  #own(): Record<string, string> {
    if (this.#handedOver) {
      const { 'content-type': _type, 'set-cookie': _cookie, ...values } = this.#values
      this.#values = values
      this.#handedOver = false
    }
    return this.#values
  }

  /**
   * The page's response, with every header gathered so far. With one cookie or none they go as a
   * plain record; several cookies cannot share a record's key, so then they go as pairs.
   */
  respond(body: string, status: number, contentType: string): Response {
    const values = this.#own()
    values['content-type'] = contentType
    let headers: Record<string, string> | [string, string][] = values
    if (this.#cookies.length === 1) values['set-cookie'] = this.#cookies[0]!
    else if (this.#cookies.length > 1) headers = [...Object.entries(values), ...this.#cookies.map((c): [string, string] => ['set-cookie', c])]
    this.#handedOver = true
    this.#page = new Response(body, { status, headers })
    return this.#page
  }

  /** Whether `response` is the page `respond()` built, which carries the headers already. */
  built(response: Response): boolean {
    return this.#page === response
  }

  /**
   * Writes the record onto a response built another way (a redirect, JSON, a file, an error page
   * of Hono's). A header the response carries itself wins, as headers given to `c.json()` win over
   * `c.header()` in Hono.
   */
  applyTo(response: Response): void {
    const headers = response.headers
    for (const [name, value] of Object.entries(this.#own())) {
      if (!headers.has(name)) headers.set(name, value)
    }
    for (const cookie of this.#cookies) headers.append('set-cookie', cookie)
  }
}
