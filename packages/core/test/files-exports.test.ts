import { afterEach, describe, expect, it } from 'vitest'
import type { TestClient } from '@distrito/core/testing'
import { pilotWorld, type PilotWorld } from './pilots-setup.js'

let w: PilotWorld | undefined
afterEach(() => {
  w?.t.close()
  w = undefined
})

const pdf = (size = 200) => new File([`%PDF-1.4\n${'x'.repeat(Math.max(0, size - 9))}`], 'propuesta.pdf', { type: 'application/pdf' })

function upload(client: TestClient, path: string, file: File) {
  const body = new FormData()
  body.set('proposal', file)
  return client.request(path, { method: 'POST', body })
}

describe('files', () => {
  it('stores a proposal and serves it only to who may see its pilot', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    await t.login(w.member.email)
    expect((await upload(t, `/pilots/${pilotId}/proposal`, pdf())).status).toBe(303)
    const page = await (await t.get(`/pilots/${pilotId}`)).text()
    const href = /href="(\/files\/[^"]+)"/.exec(page)![1]!
    expect(href).toMatch(/\/files\/[0-9a-f-]+\/propuesta\.pdf$/)
    const res = await t.get(href)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    expect(res.headers.get('Content-Security-Policy')).toContain('sandbox')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect((await res.text()).startsWith('%PDF-1.4')).toBe(true)
    // A draft pilot is private to its organization and the program's managers.
    const outsider = t.client()
    await outsider.login(w.outsider.email)
    expect((await outsider.get(href)).status).toBe(404)
    expect((await outsider.get(`/pilots/${pilotId}`)).status).toBe(404)
    const visitor = await t.client().get(href)
    expect(visitor.status).toBe(303)
    expect(visitor.headers.get('Location')).toMatch(/^\/login\?next=/)
    const manager = t.client()
    await manager.login(w.manager.email)
    expect((await manager.get(href)).status).toBe(200)
    // Someone from another organization may not attach files to it.
    expect((await upload(outsider, `/pilots/${pilotId}/proposal`, pdf())).status).toBe(403)
    // Unknown files are not found either.
    expect((await t.get('/files/00000000-0000-0000-0000-000000000000')).status).toBe(404)
  })

  it('refuses a file too big or of a forbidden type, whatever its name says, and keeps nothing', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    await t.login(w.owner.email)
    const big = await upload(t, `/pilots/${pilotId}/proposal`, pdf(4096))
    expect(big.status).toBe(422)
    expect(await big.text()).toBe('El archivo pesa más de 2 KB.')
    const disguised = await upload(t, `/pilots/${pilotId}/proposal`, new File(['MZ\x90\x00 not a pdf'], 'propuesta.pdf', { type: 'application/pdf' }))
    expect(disguised.status).toBe(422)
    expect(await disguised.text()).toBe('Este tipo de archivo no se acepta aquí. Formatos aceptados: PDF.')
    const image = await upload(t, `/pilots/${pilotId}/proposal`, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])], 'foto.png'))
    expect(image.status).toBe(422)
    const none = await t.request(`/pilots/${pilotId}/proposal`, { method: 'POST', body: new FormData() })
    expect(none.status).toBe(422)
    expect(await none.text()).toBe('Elija un archivo.')
    const [row] = await t.district.db.all<{ n: number }>(`SELECT count(*) AS n FROM core_files` as never)
    expect(row!.n).toBe(0)
  })

  it('answers 413 to an upload beyond the district’s ceiling', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    await t.login(w.owner.email)
    const huge = new File([new Uint8Array(26 * 1024 * 1024)], 'enorme.pdf')
    expect((await upload(t, `/pilots/${pilotId}/proposal`, huge)).status).toBe(413)
  })
})

describe('CSV exports', () => {
  it('exports exactly the rows the person may see, streamed across pages', async () => {
    w = await pilotWorld()
    const { t } = w
    await w.addPilot({ organizationId: w.org.id, title: '=HYPERLINK("http://malo")' })
    await w.addPilot({ organizationId: w.org.id, title: 'Riego, "inteligente"' })
    await w.addPilot({ organizationId: w.otherOrg.id, title: 'Piloto de otra empresa' })
    await t.login(w.member.email)
    const mine = await t.get('/pilots?format=csv')
    expect(mine.status).toBe(200)
    expect(mine.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(mine.headers.get('Content-Disposition')).toBe('attachment; filename="pilotos.csv"')
    const bytes = new Uint8Array(await mine.arrayBuffer())
    // A byte-order mark first, so spreadsheet programs read the accents as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.split('\r\n')).toEqual([
      'Título,Organización',
      `Sensores de humedad en caña,${w.org.id}`,
      // A formula is defused with a leading apostrophe.
      `"'=HYPERLINK(""http://malo"")",${w.org.id}`,
      `"Riego, ""inteligente""",${w.org.id}`,
      '',
    ])
    expect(text).not.toContain('Piloto de otra empresa')
    const manager = t.client()
    await manager.login(w.manager.email)
    const all = await (await manager.get('/pilots?format=csv')).text()
    expect(all.trim().split('\r\n')).toHaveLength(5)
    expect(all).toContain('Piloto de otra empresa')
    expect((await t.client().get('/pilots?format=csv')).status).toBe(303)
  })

  it('exports the audit log with its filters, for administrators only', async () => {
    w = await pilotWorld()
    const { t, pilotId } = w
    const manager = t.client()
    await manager.login(w.manager.email)
    await manager.post(`/workflows/pilots.pilot/${pilotId}/open`, {})
    await manager.post(`/workflows/pilots.pilot/${pilotId}/close`, { note: 'Listo' })
    expect((await manager.get('/admin/audit?format=csv')).status).toBe(403)
    await t.login(w.admin.email)
    const csv = await (await t.get('/admin/audit?format=csv&action=pilots.pilot.close')).text()
    const lines = csv.trim().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('Marta Gestora')
    expect(lines[1]).toContain('pilots.pilot.close')
    expect(lines[1]).toContain(`pilots.pilot:${pilotId}`)
    expect(lines[1]).toContain('Listo')
  })
})
