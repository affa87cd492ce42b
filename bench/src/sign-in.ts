/** Signs in through the login form, as a person would, and returns the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: new URLSearchParams({ email, password }).toString(),
  })
  const cookies = response.headers.getSetCookie()
  const session = cookies.map((c) => c.split(';')[0]!).filter((c) => c.includes('session'))
  if (response.status !== 303 || session.length === 0) {
    throw new Error(`Signing in as ${email} failed: HTTP ${response.status}`)
  }
  return session.join('; ')
}

/** The headers a page's visitor sends: the session cookie of `as`, or none for an anonymous page. */
export async function visitorHeaders(baseUrl: string, as: string | undefined, password: string): Promise<Record<string, string>> {
  return as ? { cookie: await signIn(baseUrl, as, password) } : {}
}
