import { afterEach, describe, expect, it } from 'vitest'
import { createTestDistrict, type TestClient, type TestDistrict } from '@distrito/core/testing'

let t: TestDistrict | undefined
afterEach(() => {
  t?.close()
  t = undefined
})

function attach(client: TestClient, slug: string, file: File) {
  const body = new FormData()
  body.set('certificate', file)
  return client.request(`/orgs/${slug}/verification/certificates`, { method: 'POST', body })
}

const certificate = () => new File(['%PDF-1.7\nCertificado de existencia y representación legal'], 'camara-de-comercio.pdf')

describe('organization verification', () => {
  it('goes from request with a certificate to approval, telling each side, privately', async () => {
    t = await createTestDistrict()
    const admin = await t.createUser({ name: 'Ana Admin', platformRole: 'admin' })
    const owner = await t.createUser({ name: 'Olivia Dueña' })
    const member = await t.createUser({ name: 'Mateo Miembro' })
    const outsider = await t.createUser()
    const org = await t.createOrganization({ name: 'Cafés del Pacífico', members: [{ user: owner, role: 'owner' }, { user: member, role: 'member' }] })
    await t.login(owner.email)
    const page = await (await t.get(`/orgs/${org.slug}/verification`)).text()
    expect(page).toContain('Sin verificar')
    expect(page).toContain('Adjunte primero un certificado')

    // Asking without a certificate is refused with the reason.
    const early = await t.post(`/workflows/core.verification/${org.id}/request`, { back: `/orgs/${org.slug}/verification` })
    expect(early.status).toBe(422)
    expect(await early.text()).toContain('Adjunte primero un certificado (Cámara de Comercio, RUT o equivalente).')
    // A wrong file is shown next to the field.
    const wrong = await attach(t, org.slug, new File(['hola'], 'nota.txt'))
    expect(wrong.status).toBe(422)
    const wrongPage = await wrong.text()
    expect(wrongPage).toContain('Este tipo de archivo no se acepta aquí. Formatos aceptados: PDF, PNG, JPEG.')
    expect(wrongPage).toContain('aria-invalid="true"')
    expect((await attach(t, org.slug, certificate())).status).toBe(303)
    // A plain member may not attach or ask.
    const memberClient = t.client()
    await memberClient.login(member.email)
    expect((await attach(memberClient, org.slug, certificate())).status).toBe(403)
    expect((await memberClient.post(`/workflows/core.verification/${org.id}/request`, {})).status).toBe(403)
    expect((await t.post(`/workflows/core.verification/${org.id}/request`, { note: 'Somos una SAS de Buenaventura.' })).status).toBe(303)

    // Outsiders see neither the page nor the certificate.
    const fileHref = /href="(\/files\/[^"]+)"/.exec(await (await t.get(`/orgs/${org.slug}/verification`)).text())![1]!
    const stranger = t.client()
    await stranger.login(outsider.email)
    expect((await stranger.get(`/orgs/${org.slug}/verification`)).status).toBe(404)
    expect((await stranger.get(fileHref)).status).toBe(404)
    expect((await memberClient.get(fileHref)).status).toBe(200)

    // The district's administrators hear of the request, and decide.
    const adminClient = t.client()
    await adminClient.login(admin.email)
    expect(await (await adminClient.get('/notifications')).text()).toContain('«Cafés del Pacífico» pasó a «Solicitada»')
    expect(await (await adminClient.get('/admin/organizations?status=requested')).text()).toContain('Cafés del Pacífico')
    expect((await adminClient.get(fileHref)).status).toBe(200)
    const noReason = await adminClient.post(`/workflows/core.verification/${org.id}/reject`, { note: '' })
    expect(noReason.status).toBe(422)
    expect((await adminClient.post(`/workflows/core.verification/${org.id}/reject`, { note: 'El certificado tiene más de 30 días.' })).status).toBe(303)
    const rejected = await (await t.get(`/orgs/${org.slug}/verification`)).text()
    expect(rejected).toContain('Rechazada')
    expect(rejected).toContain('El certificado tiene más de 30 días.')
    expect(await (await t.get('/notifications')).text()).toContain('«Cafés del Pacífico» pasó a «Rechazada»')
    // The owner answers in the verification's conversation and asks again; the administrator approves.
    await t.post('/comments', { subjectType: 'core.verification', subjectId: org.id, body: 'Adjuntamos uno nuevo.', back: `/orgs/${org.slug}/verification` })
    expect((await stranger.post('/comments', { subjectType: 'core.verification', subjectId: org.id, body: 'Hola' })).status).toBe(404)
    await attach(t, org.slug, certificate())
    expect((await t.post(`/workflows/core.verification/${org.id}/request`, {})).status).toBe(303)
    expect((await adminClient.post(`/workflows/core.verification/${org.id}/approve`, {})).status).toBe(303)
    expect(await (await t.client().get(`/orgs/${org.slug}`)).text()).toContain('Verificada')
    const verified = await (await t.get(`/orgs/${org.slug}/verification`)).text()
    expect(verified).toContain('Adjuntamos uno nuevo.')
    // Certificates of a verified organization stay as they are.
    expect(verified).not.toContain('/verification/certificates"')
    expect((await attach(t, org.slug, certificate())).status).toBe(403)
    const actions = await t.district.db.all<{ action: string }>(`SELECT action FROM core_audit_log WHERE subject_type = 'core.verification' ORDER BY id` as never)
    expect(actions.map((a) => a.action)).toEqual([
      'core.verification.certificateAdded',
      'core.verification.request',
      'core.verification.reject',
      'core.verification.certificateAdded',
      'core.verification.request',
      'core.verification.approve',
    ])
  })
})
