import { z } from 'zod'

/**
 * What browsers send for checkboxes: nothing when none is ticked, a string for one, repeated
 * fields for several. `manyOf` reads all three as an array.
 */
export function manyOf<T extends z.ZodType>(item: T, limits: { min?: number; max?: number } = {}) {
  let array = z.array(item)
  if (limits.min !== undefined) array = array.min(limits.min)
  if (limits.max !== undefined) array = array.max(limits.max)
  return z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), array)
}

/** A single checkbox: ticked (`on`) is true, absent is false. */
export function checkbox() {
  return z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean())
}

/** A hidden yes/no field of a one-button form (`true` or `false`), as a boolean. */
export function flag() {
  return z.enum(['true', 'false']).transform((value) => value === 'true')
}

/** An optional text field: an empty input becomes undefined instead of failing `min` or `url`. */
export function optionalText<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional())
}
