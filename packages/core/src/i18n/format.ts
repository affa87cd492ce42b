import type { Locale } from './locales.js'

/** Dates, numbers and money in the visitor's language and the district's time zone. */
export interface Formatters {
  /** 24 de noviembre de 2026 / November 24, 2026 */
  date(value: Date | number): string
  /** 24 nov 2026, 5:00 p. m. / Nov 24, 2026, 5:00 PM, in the district's time zone */
  dateTime(value: Date | number): string
  number(value: number): string
  /** 50.000.000 $ COP style amounts, in the given ISO currency */
  money(amount: number, currency: string): string
  /** "en 3 días", "hace 2 horas" / "in 3 days", "2 hours ago" */
  relative(value: Date | number, now?: Date | number): string
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

const cache = new Map<string, Formatters>()

/**
 * Intl formats a value in about a microsecond, and a list page formats the same few values over
 * and over (a call's closing date on every row, scores with one decimal): each formatter keeps
 * what it wrote, up to a bound, so a page pays for each distinct value once.
 */
function remembered<T>(format: (value: T) => string, limit = 2_000): (value: T) => string {
  const seen = new Map<T, string>()
  return (value) => {
    let text = seen.get(value)
    if (text === undefined) {
      if (seen.size >= limit) seen.clear()
      seen.set(value, (text = format(value)))
    }
    return text
  }
}

export function createFormatters(locale: Locale, timeZone: string): Formatters {
  const key = `${locale}|${timeZone}`
  const cached = cache.get(key)
  if (cached) return cached
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
  const number = new Intl.NumberFormat(locale)
  const money = new Map<string, Intl.NumberFormat>()
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const dateOf = remembered((time: number) => date.format(time))
  const dateTimeOf = remembered((time: number) => dateTime.format(time))
  const formatters: Formatters = {
    date: (value) => dateOf(Number(value)),
    dateTime: (value) => dateTimeOf(Number(value)),
    number: remembered((value: number) => number.format(value)),
    money: (amount, currency) => {
      let format = money.get(currency)
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code', maximumFractionDigits: currency === 'COP' ? 0 : 2 })
        money.set(currency, format)
      }
      return format.format(amount)
    },
    relative: (value, now = Date.now()) => {
      const seconds = Math.round((Number(value) - Number(now)) / 1000)
      const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1]
      return relative.format(Math.round(seconds / size), unit)
    },
  }
  cache.set(key, formatters)
  return formatters
}
