/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono'
import type { DistritoEnv } from '../../http/env.js'
import { setFlash } from '../../http/flash.js'
import { Form, SubmitButton, TextField } from '../../ui/components/form.js'
import { PageHeader } from '../../ui/components/page-header.js'
import { useDistrito } from '../../ui/context.js'
import { type FieldErrors, type FormValues, parseForm } from '../../ui/forms/parse-form.js'
import { safeNext } from '../../auth/guards.js'
import { clientAddress, UNKNOWN_ADDRESS } from '../../auth/client-address.js'
import { verifyPassword } from '../../auth/password.js'
import { blockedFor, clear, hit, loginAccountKey, LOGIN_PER_ACCOUNT, LOGIN_PER_ADDRESS, type ThrottleRule } from '../../auth/throttle.js'
import { deleteSessionCookie, invalidateSession } from '../../auth/sessions.js'
import { loginSchema } from '../schemas.js'
import { signIn, userByEmail, verifyAgainstNothing } from '../service.js'
import { vars } from '../../http/vars.js'

function LoginPage(props: { values: FormValues; errors?: FieldErrors }) {
  const t = useDistrito().get('t')
  const { values, errors } = props
  const next = safeNext(typeof values.next === 'string' ? values.next : undefined)
  return (
    <div class="narrow">
      <PageHeader title={t('core.account.loginTitle')} />
      <Form action="/login" errors={errors}>
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <TextField name="email" type="email" label={t('core.account.email')} value={values.email} error={errors?.email} required autocomplete="username" maxLength={254} />
        <TextField name="password" type="password" label={t('core.account.password')} error={errors?.password} required autocomplete="current-password" />
        <SubmitButton>{t('core.account.loginSubmit')}</SubmitButton>
      </Form>
      <p><a href="/password/forgot">{t('core.account.forgotLink')}</a></p>
      <p>{t('core.account.noAccount')} <a href="/register">{t('core.account.registerLink')}</a></p>
    </div>
  )
}

export function loginRoutes() {
  const app = new Hono<DistritoEnv>()
  const title = (c: Context<DistritoEnv>) => c.get('t')('core.account.loginTitle')

  app.get('/login', (c) => {
    const next = safeNext(c.req.query('next'))
    if (c.get('auth').user) return c.redirect(next ?? '/', 303)
    return c.render(<LoginPage values={{ next }} />, { title: title(c) })
  })

  app.post('/login', async (c) => {
    const { t, db } = vars(c)
    const form = await parseForm(c, loginSchema)
    if (!form.ok) {
      c.status(422)
      return c.render(<LoginPage values={{ ...form.values, password: undefined }} errors={form.errors} />, { title: title(c) })
    }
    const { email, password } = form.data
    const accountKey = loginAccountKey(email)
    const address = clientAddress(c, c.get('district').trustProxy)
    const keys: { key: string; rule: ThrottleRule }[] = [{ key: accountKey, rule: LOGIN_PER_ACCOUNT }]
    // Without a known address, one shared counter would let anyone lock everybody out.
    if (address !== UNKNOWN_ADDRESS) keys.push({ key: `login:address:${address}`, rule: LOGIN_PER_ADDRESS })
    // Throttling applies to unknown addresses too, so it reveals nothing about who has an account.
    const wait = await blockedFor(db, keys)
    if (wait > 0) {
      c.status(429)
      c.header('Retry-After', String(wait * 60))
      return c.render(<LoginPage values={{ email, next: form.data.next }} errors={{ _form: t('core.account.tooManyAttempts', { minutes: wait }) }} />, { title: title(c) })
    }
    const user = await userByEmail(db, email)
    const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password)
    if (!user || !valid) {
      await Promise.all(keys.map((k) => hit(db, k.key, k.rule)))
      c.status(401)
      return c.render(<LoginPage values={{ email, next: form.data.next }} errors={{ _form: t('core.account.loginFailed') }} />, { title: title(c) })
    }
    await clear(db, accountKey)
    // Said only to someone who knows the password, so it reveals nothing to a stranger.
    if (user.suspendedAt) {
      c.status(403)
      return c.render(<LoginPage values={{ email, next: form.data.next }} errors={{ _form: t('core.account.suspended') }} />, { title: title(c) })
    }
    const { session } = c.get('auth')
    if (session) await invalidateSession(db, session.id)
    await signIn(c, user.id)
    setFlash(c, 'success', 'core.account.welcomeBack', { name: user.name })
    return c.redirect(safeNext(form.data.next) ?? '/', 303)
  })

  app.post('/logout', async (c) => {
    const { session } = c.get('auth')
    if (session) await invalidateSession(c.get('db'), session.id)
    deleteSessionCookie(c)
    setFlash(c, 'info', 'core.account.loggedOut')
    return c.redirect('/', 303)
  })

  return app
}
