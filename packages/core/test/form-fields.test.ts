import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { checkbox, manyOf, optionalText } from '@distrito/core/ui'

describe('zod helpers for what browsers send', () => {
  it('manyOf reads no value, one value or repeated values as an array, with limits', () => {
    const tags = manyOf(z.enum(['a', 'b', 'c']), { max: 2 })
    expect(tags.parse(undefined)).toEqual([])
    expect(tags.parse('')).toEqual([])
    expect(tags.parse('a')).toEqual(['a'])
    expect(tags.parse(['a', 'b'])).toEqual(['a', 'b'])
    expect(tags.safeParse(['a', 'b', 'c']).success).toBe(false)
    expect(tags.safeParse(['z']).success).toBe(false)
    expect(manyOf(z.string(), { min: 1 }).safeParse(undefined).success).toBe(false)
  })

  it('checkbox reads a ticked box as true and an absent one as false', () => {
    expect(checkbox().parse('on')).toBe(true)
    expect(checkbox().parse(undefined)).toBe(false)
    expect(checkbox().parse('off')).toBe(false)
  })

  it('optionalText lets an empty input through as undefined but still checks a filled one', () => {
    const website = optionalText(z.url())
    expect(website.parse('')).toBeUndefined()
    expect(website.parse('   ')).toBeUndefined()
    expect(website.parse('https://univalle.edu.co')).toBe('https://univalle.edu.co')
    expect(website.safeParse('univalle').success).toBe(false)
  })
})
