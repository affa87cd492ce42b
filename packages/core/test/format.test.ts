import { afterEach, describe, expect, it } from 'vitest'
import { createFormatters, definePlugin } from '@distrito/core'
import { createTestDistrict, type TestDistrict } from '@distrito/core/testing'

// Intl separates some parts with no-break spaces; compare with plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('formatters', () => {
  // 10:30 p.m. on 24 November in Cali is already the 25th in UTC.
  const instant = new Date('2026-11-25T03:30:00Z')

  it('show dates in the district’s time zone, in Spanish (Colombia)', () => {
    const f = createFormatters('es-CO', 'America/Bogota')
    expect(f.date(instant)).toBe('24 de noviembre de 2026')
    expect(plain(f.dateTime(instant))).toBe('24/11/2026, 10:30 p. m.')
    expect(f.number(1234567.5)).toBe('1.234.567,5')
    expect(plain(f.money(50_000_000, 'COP'))).toBe('COP 50.000.000')
    expect(plain(f.money(1250.5, 'USD'))).toBe('USD 1.250,50')
    expect(f.relative(instant, new Date('2026-11-22T03:30:00Z'))).toBe('dentro de 3 días')
  })

  it('write what Intl writes for every value, however many a page formats', () => {
    const f = createFormatters('es-CO', 'America/Bogota')
    const number = new Intl.NumberFormat('es-CO')
    const date = new Intl.DateTimeFormat('es-CO', { dateStyle: 'long', timeZone: 'America/Bogota' })
    // More distinct values than a formatter keeps, each asked for twice.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2_500; i++) {
        expect(f.number(i / 10)).toBe(number.format(i / 10))
        expect(f.date(instant.getTime() + i * 3_600_000)).toBe(date.format(instant.getTime() + i * 3_600_000))
      }
    }
    expect(f.date(new Date(instant))).toBe('24 de noviembre de 2026')
  })

  it('and in English', () => {
    const f = createFormatters('en', 'America/Bogota')
    expect(f.date(instant)).toBe('November 24, 2026')
    expect(plain(f.dateTime(instant))).toBe('Nov 24, 2026, 10:30 PM')
    expect(plain(f.money(50_000_000, 'COP'))).toBe('COP 50,000,000')
    expect(f.relative(new Date('2026-11-22T01:30:00Z'), new Date('2026-11-22T03:30:00Z'))).toBe('2 hours ago')
  })
})

describe('formatters in a district', () => {
  let t: TestDistrict
  afterEach(() => t?.close())

  const deadline = definePlugin({
    id: 'deadline',
    version: '1.0.0',
    requires: { core: '^0.1.0' },
    messages: { 'es-CO': { 'deadline.title': 'Cierre' }, en: { 'deadline.title': 'Deadline' } },
    widget: {
      title: 'deadline.title',
      load: async ({ format }) => ({ items: [{ title: format.date(new Date('2026-12-01T04:00:00Z')), href: '/' }], empty: '' }),
    },
  })

  it('follow the district’s time zone setting and the visitor’s language', async () => {
    t = await createTestDistrict({ plugins: [deadline()] })
    expect(await (await t.get('/')).text()).toContain('30 de noviembre de 2026')
    t.close()
    t = await createTestDistrict({ plugins: [deadline()], config: { timeZone: 'Europe/Madrid' } })
    expect(await (await t.get('/', { headers: { 'Accept-Language': 'en' } })).text()).toContain('December 1, 2026')
  })

  it('refuse an unknown time zone at boot', async () => {
    await expect(createTestDistrict({ config: { timeZone: 'Mars/Olympus' } })).rejects.toThrow(/timeZone: use an IANA time zone/)
  })
})
