import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asc, desc, eq, sql } from 'drizzle-orm'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, listColumn, openDatabase, prepared } from '../src/db/index.js'

const teams = sqliteTable('teams', { id: text('id').primaryKey(), name: text('name').notNull() })
const people = sqliteTable('people', {
  id: text('id').primaryKey(),
  teamId: text('team_id').notNull(),
  name: text('name').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
  joinedAt: integer('joined_at', { mode: 'timestamp_ms' }),
  tags: text('tags', { mode: 'json' }).$type<string[]>(),
  deskId: text('desk_id'),
})
const desks = sqliteTable('desks', { id: text('id').primaryKey(), floor: integer('floor').notNull() })

const dir = mkdtempSync(join(tmpdir(), 'distrito-list-column-'))
let handle: DatabaseHandle
beforeAll(async () => {
  handle = await openDatabase({ url: `file:${join(dir, 'lists.db')}` })
  // Rows go in out of the lists' order, so that an order kept only by chance would show.
  await handle.client.executeMultiple(`
    CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE people (id TEXT PRIMARY KEY, team_id TEXT NOT NULL, name TEXT NOT NULL, active INTEGER NOT NULL, joined_at INTEGER, tags TEXT, desk_id TEXT);
    CREATE TABLE desks (id TEXT PRIMARY KEY, floor INTEGER NOT NULL);
    INSERT INTO teams VALUES ('t1', 'Datos'), ('t2', 'Vacío');
    INSERT INTO desks VALUES ('d1', 3);
    INSERT INTO people VALUES ('p2', 't1', 'Beto "el grande"', 0, NULL, NULL, NULL);
    INSERT INTO people VALUES ('p3', 't1', 'Carla', 1, 1767312000000, '["salud"]', 'd1');
    INSERT INTO people VALUES ('p1', 't1', 'Ana <b>', 1, 1767225600000, '["ia","agro"]', NULL);
  `)
})
afterAll(() => {
  handle.close()
  rmSync(dir, { recursive: true, force: true })
})

// A team with its members (newest first, at most `limit`) and their desks, in one statement.
const teamWithMembers = prepared((db) =>
  db
    .select({
      team: teams,
      members: listColumn(
        db.select({ id: people.id, name: people.name, active: people.active, joinedAt: people.joinedAt, tags: people.tags, desk: { id: desks.id, floor: desks.floor } })
          .from(people).leftJoin(desks, eq(desks.id, people.deskId))
          .where(eq(people.teamId, teams.id)).orderBy(desc(people.joinedAt), asc(people.id)).limit(sql.placeholder('limit')),
      ),
      names: listColumn(db.select({ id: people.id, name: people.name }).from(people).where(eq(people.teamId, teams.id)).orderBy(asc(people.name))),
    })
    .from(teams)
    .where(eq(teams.id, sql.placeholder('id')))
    .prepare(),
)

describe('lists carried as columns of one statement', () => {
  it('maps each list as its own query would, in its order, with the outer row, in one statement', async () => {
    const [row] = await teamWithMembers(handle.db).all({ id: 't1', limit: 10 })
    const separately = await handle.db.select({ id: people.id, name: people.name, active: people.active, joinedAt: people.joinedAt, tags: people.tags, desk: { id: desks.id, floor: desks.floor } })
      .from(people).leftJoin(desks, eq(desks.id, people.deskId)).where(eq(people.teamId, 't1')).orderBy(desc(people.joinedAt), asc(people.id))
    expect(row!.team).toEqual({ id: 't1', name: 'Datos' })
    expect(row!.members).toEqual(separately)
    expect(row!.members.map((m) => m.id)).toEqual(['p3', 'p1', 'p2'])
    expect(row!.members[0]).toEqual({ id: 'p3', name: 'Carla', active: true, joinedAt: new Date(1767312000000), tags: ['salud'], desk: { id: 'd1', floor: 3 } })
    // A left-joined table with nothing to join is null, as drizzle maps it; text keeps its quotes and markup.
    expect(row!.members[2]).toEqual({ id: 'p2', name: 'Beto "el grande"', active: false, joinedAt: null, tags: null, desk: null })
    expect(row!.names.map((p) => p.name)).toEqual(['Ana <b>', 'Beto "el grande"', 'Carla'])
  })

  it('keeps each list’s limit, and gives an empty list for a row with nothing in it', async () => {
    const [first] = await teamWithMembers(handle.db).all({ id: 't1', limit: 1 })
    expect(first!.members.map((m) => m.id)).toEqual(['p3'])
    expect(first!.names).toHaveLength(3)
    const [empty] = await teamWithMembers(handle.db).all({ id: 't2', limit: 10 })
    expect(empty).toEqual({ team: { id: 't2', name: 'Vacío' }, members: [], names: [] })
  })

  it('shapes each row as it is read, when given how', async () => {
    const [row] = await handle.db
      .select({ names: listColumn(handle.db.select({ name: people.name, active: people.active }).from(people).where(eq(people.teamId, teams.id)).orderBy(asc(people.name)), (p) => `${p.name}${p.active ? '' : ' (inactiva)'}`) })
      .from(teams).where(eq(teams.id, 't1'))
    expect(row!.names).toEqual(['Ana <b>', 'Beto "el grande" (inactiva)', 'Carla'])
  })
})
