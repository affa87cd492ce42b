import { z } from 'zod'
import type { DistrictConfig } from '../config/district-config.js'
import { AI_CAPABILITIES, INVESTOR_TYPES, ORGANIZATION_KINDS, ORGANIZATION_SIZES } from '../db/schema/organizations.js'
import { checkbox, manyOf, optionalText } from '../ui/forms/fields.js'
import { isCountryCode } from './countries.js'

export const NAME_MAX = 120
export const DESCRIPTION_MAX = 2000

/** A NIT as people write it: 900.123.456-7, 9001234567 or 900123456-7. Stored without dots. */
const NIT = /^\d{6,10}(-\d)?$/

/** Read at validation time: the schema is kept, and a server runs across New Year. */
function notAfterThisYear(value: number, ctx: z.RefinementCtx) {
  const year = new Date().getFullYear()
  if (value > year) ctx.addIssue({ code: 'too_big', origin: 'number', maximum: year, inclusive: true, input: value })
}

function oneOf(ids: readonly string[]) {
  const set = new Set(ids)
  return z.string().refine((id) => set.has(id), 'core.form.choice')
}

const schemas = new WeakMap<object, ReturnType<typeof buildSchema>>()

/**
 * An organization's profile as the form sends it (and as demo data gives it). The instance's
 * sectors and subregions are the allowed values; the schema is built once per configuration.
 */
export function organizationInputSchema(config: Pick<DistrictConfig, 'sectors' | 'subregions'>) {
  let schema = schemas.get(config)
  if (!schema) schemas.set(config, (schema = buildSchema(config)))
  return schema
}

function buildSchema(config: Pick<DistrictConfig, 'sectors' | 'subregions'>) {
  return z
    .object({
      name: z.string().trim().min(2).max(NAME_MAX),
      kind: z.enum(ORGANIZATION_KINDS),
      isAnchor: checkbox(),
      investorType: optionalText(z.enum(INVESTOR_TYPES)),
      country: z.string().trim().toUpperCase().refine(isCountryCode, 'core.form.choice').default('CO'),
      legalId: optionalText(z.string().trim().max(40)),
      city: optionalText(z.string().trim().max(80)),
      subregion: optionalText(oneOf(config.subregions.map((s) => s.id))),
      sectors: manyOf(oneOf(config.sectors.map((s) => s.id)), { max: 8 }),
      website: optionalText(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(200)),
      description: z.preprocess((v) => v ?? '', z.string().trim().max(DESCRIPTION_MAX)),
      size: optionalText(z.enum(ORGANIZATION_SIZES)),
      foundedYear: optionalText(z.coerce.number().int().min(1800).superRefine(notAfterThisYear)),
      aiOffered: manyOf(z.enum(AI_CAPABILITIES)),
      aiSought: manyOf(z.enum(AI_CAPABILITIES)),
    })
    .superRefine((org, ctx) => {
      if (org.kind === 'investor' && !org.investorType) ctx.addIssue({ code: 'custom', path: ['investorType'], message: 'core.org.investorTypeRequired' })
      if (org.country === 'CO' && org.legalId && !NIT.test(org.legalId.replace(/\./g, ''))) {
        ctx.addIssue({ code: 'custom', path: ['legalId'], message: 'core.org.nitInvalid' })
      }
    })
    .transform((org) => ({
      ...org,
      // The anchor flag and the investor type only mean something for their kinds.
      isAnchor: org.kind === 'company' && org.isAnchor,
      investorType: org.kind === 'investor' ? org.investorType : undefined,
      legalId: org.country === 'CO' && org.legalId ? org.legalId.replace(/\./g, '') : org.legalId,
      subregion: org.country === 'CO' ? org.subregion : undefined,
    }))
}

export type OrganizationInput = z.output<ReturnType<typeof buildSchema>>
