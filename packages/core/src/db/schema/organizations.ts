import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './users.js'

export const ORGANIZATION_KINDS = [
  'startup', 'company', 'sme', 'university', 'research_centre', 'investor', 'government', 'cluster', 'ngo',
] as const
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]

export const INVESTOR_TYPES = ['vc_fund', 'family_office', 'angel_network', 'corporate_venture'] as const
export const ORGANIZATION_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const

/** AI capabilities an organization offers or looks for; the directory and the programs match on them. */
export const AI_CAPABILITIES = [
  'machine_learning', 'computer_vision', 'nlp', 'generative_ai', 'predictive_analytics', 'robotics',
  'iot', 'data_engineering', 'optimization', 'cybersecurity',
] as const
export type AiCapability = (typeof AI_CAPABILITIES)[number]

export const organizations = sqliteTable(
  'core_organizations',
  {
    id: text('id').primaryKey(),
    /** Used in addresses: /orgs/<slug>. */
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORGANIZATION_KINDS }).notNull(),
    /** Only for companies: a large company that anchors the district's programs. */
    isAnchor: integer('is_anchor', { mode: 'boolean' }).notNull().default(false),
    investorType: text('investor_type', { enum: INVESTOR_TYPES }),
    /** NIT in Colombia; whatever identifier a foreign company has at home. */
    legalId: text('legal_id'),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull().default('CO'),
    city: text('city'),
    /** One of the instance's subregion ids. */
    subregion: text('subregion'),
    website: text('website'),
    description: text('description').notNull().default(''),
    size: text('size', { enum: ORGANIZATION_SIZES }),
    foundedYear: integer('founded_year'),
    aiOffered: text('ai_offered', { mode: 'json' }).$type<AiCapability[]>().notNull().default(sql`'[]'`),
    aiSought: text('ai_sought', { mode: 'json' }).$type<AiCapability[]>().notNull().default(sql`'[]'`),
    verifiedAt: integer('verified_at', { mode: 'timestamp_ms' }),
    verifiedBy: text('verified_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  // The directory orders by name then id: with the id in each index a page is read in order from
  // the index alone, without sorting every matching row.
  (t) => [
    index('core_organizations_name_id_idx').on(t.name, t.id),
    index('core_organizations_kind_name_idx').on(t.kind, t.name, t.id),
    index('core_organizations_subregion_name_idx').on(t.subregion, t.name, t.id),
    index('core_organizations_created_idx').on(t.createdAt),
    index('core_organizations_verified_name_idx').on(t.verifiedAt, t.name, t.id),
  ],
)

/** Sectors of an organization, one row each, so that the directory filters by sector with an index. */
export const organizationSectors = sqliteTable(
  'core_organization_sectors',
  {
    organizationId: text('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    sector: text('sector').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.sector] }), index('core_organization_sectors_sector_idx').on(t.sector, t.organizationId)],
)

export type Organization = typeof organizations.$inferSelect
export type NewOrganization = typeof organizations.$inferInsert
