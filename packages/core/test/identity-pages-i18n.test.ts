import { afterEach, describe, expect, it } from 'vitest'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'

let t: TestDistrict
afterEach(() => t?.close())

/** Every identity and engine page, in each language, with no catalog key left untranslated. */
describe('identity pages in both languages', () => {
  for (const [lang, expectations] of [
    ['es-CO', { '/register': 'Crear una cuenta', '/login': 'Iniciar sesión', '/password/forgot': 'Recuperar la contraseña', '/orgs': 'Directorio de organizaciones', '/account': 'Mi cuenta', '/admin': 'Administración del distrito', '/admin/roles': 'Roles y permisos', '/orgs/new': 'Registrar una organización', '/legal/privacy': 'Política de tratamiento de datos personales', '/legal/terms': 'Términos de uso' }],
    ['en', { '/register': 'Create an account', '/login': 'Sign in', '/password/forgot': 'Reset your password', '/orgs': 'Organization directory', '/account': 'My account', '/admin': 'District administration', '/admin/roles': 'Roles and permissions', '/orgs/new': 'Register an organization', '/legal/privacy': 'Personal data policy', '/legal/terms': 'Terms of use' }],
  ] as const) {
    it(`renders in ${lang}`, async () => {
      t = await createTestDistrict()
      const admin = await t.createUser({ platformRole: 'admin' })
      const visitor = t.client()
      await t.login(admin.email)
      await t.post('/orgs', { name: 'Org', kind: 'startup', country: 'CO' })
      const paths = Object.entries(expectations) as [string, string][]
      for (const [path, heading] of [...paths, ['/orgs/org', 'Org'], ['/orgs/org/members', lang === 'en' ? 'Members of Org' : 'Miembros de Org'], ['/admin/users', lang === 'en' ? 'Users' : 'Usuarios'], ['/admin/outbox', lang === 'en' ? 'Mail outbox' : 'Buzón de salida'], ['/admin/organizations', lang === 'en' ? 'Organizations' : 'Organizaciones'], ['/account/delete', lang === 'en' ? 'Delete your account' : 'Eliminar su cuenta'],
        ['/orgs/org/verification', lang === 'en' ? 'Verification of Org' : 'Verificación de Org'], ['/orgs/org/delete', lang === 'en' ? 'Delete Org' : 'Eliminar Org'],
        ['/notifications', lang === 'en' ? 'Notifications' : 'Notificaciones'], ['/account/notifications', lang === 'en' ? 'Notification preferences' : 'Preferencias de notificación'],
        ['/admin/audit', lang === 'en' ? 'Audit log' : 'Registro de auditoría'], ['/admin/events', lang === 'en' ? 'Event deliveries' : 'Entregas de eventos'],
        ['/admin/reports', lang === 'en' ? 'Reported comments' : 'Comentarios reportados']] as [string, string][]) {
        const client = ['/register', '/login', '/password/forgot'].includes(path) ? visitor : t
        const res = await client.get(path, { headers: { 'Accept-Language': lang === 'en' ? 'en-US,en;q=0.9' : 'es-CO' } })
        expect([path, res.status]).toEqual([path, 200])
        const html = await res.text()
        expect([path, /<h1>([^<]*)<\/h1>/.exec(html)?.[1]]).toEqual([path, heading])
        expect([path, html.match(/>[^<]*\bcore\.[a-z]+\.[a-zA-Z.]+[^<]*</g)]).toEqual([path, null])
      }
    })
  }
})

describe('the terms and the data policy', () => {
  it('are linked from registration and every footer, in both languages', async () => {
    t = await createTestDistrict({ config: { legal: { contactEmail: 'datos@distrito.gov.co' } } })
    const register = await (await t.get('/register')).text()
    expect(register).toContain('Antes de crear la cuenta, lea los <a href="/legal/terms">términos de uso</a> y la <a href="/legal/privacy">política de tratamiento de datos</a>.')
    const privacy = await (await t.get('/legal/privacy')).text()
    expect(privacy).toContain('<h1>Política de tratamiento de datos personales</h1>')
    expect(privacy).toContain('tras 10 días sin uso')
    expect(privacy).toContain('href="mailto:datos@distrito.gov.co"')
    const terms = await (await t.get('/legal/terms', { headers: { 'Accept-Language': 'en' } })).text()
    expect(terms).toContain('<h1>Terms of use</h1>')
    expect(terms).toContain('Test district may suspend accounts that break these terms.')
  })

  it('point to the district’s own documents when it has them', async () => {
    t = await createTestDistrict({ config: { legal: { termsUrl: 'https://valle.gov.co/terminos', privacyUrl: 'https://valle.gov.co/datos' } } })
    const html = await (await t.get('/register')).text()
    expect(html).toContain('<a href="https://valle.gov.co/terminos">términos de uso</a>')
    expect(html).toContain('<a href="https://valle.gov.co/datos">Política de tratamiento de datos personales</a>')
  })
})
