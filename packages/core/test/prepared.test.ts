import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase, prepared } from '../src/db/index.js'
import { inTransaction } from '../src/db/transaction.js'

const notes = sqliteTable('notes', { id: integer('id').primaryKey(), body: text('body').notNull() })
const people = sqliteTable('people', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
  joinedAt: integer('joined_at', { mode: 'timestamp_ms' }),
  tags: text('tags', { mode: 'json' }).$type<string[]>(),
  photo: blob('photo', { mode: 'buffer' }),
  managerId: text('manager_id'),
})
const desks = sqliteTable('desks', { id: text('id').primaryKey(), personId: text('person_id'), floor: integer('floor') })

const dir = mkdtempSync(join(tmpdir(), 'distrito-prepared-'))
let handle: DatabaseHandle
beforeAll(async () => {
  handle = await openDatabase({ url: `file:${join(dir, 'prepared.db')}` })
  await handle.client.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
  await handle.client.execute("INSERT INTO notes VALUES (1, 'uno')")
  await handle.client.executeMultiple(`
    CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT NOT NULL, active INTEGER NOT NULL, joined_at INTEGER, tags TEXT, photo BLOB, manager_id TEXT);
    CREATE TABLE desks (id TEXT PRIMARY KEY, person_id TEXT, floor INTEGER);
    INSERT INTO people VALUES ('ana', 'Ana', 1, 1767225600000, '["ia","salud"]', x'0102', NULL);
    INSERT INTO people VALUES ('beto', 'Beto', 0, NULL, NULL, NULL, 'ana');
    INSERT INTO people VALUES ('carla', 'Carla', 1, 1767312000000, '[]', NULL, 'ana');
    INSERT INTO desks VALUES ('d1', 'ana', 3);
    INSERT INTO desks VALUES ('d2', 'carla', NULL);
  `)
})
afterAll(() => {
  handle.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('prepared queries', () => {
  let builds = 0
  const noteBodies = prepared((db) => {
    builds += 1
    return db.select({ body: notes.body }).from(notes).where(sql`${notes.id} >= ${sql.placeholder('from')}`).orderBy(notes.id).prepare()
  })

  it('are built once per database and take their values at each run', async () => {
    expect(await noteBodies(handle.db).all({ from: 1 })).toEqual([{ body: 'uno' }])
    expect(await noteBodies(handle.db).all({ from: 2 })).toEqual([])
    expect(builds).toBe(1)
  })

  it('run inside the transaction they are given, and see nothing of it once it rolls back', async () => {
    const before = builds
    await expect(inTransaction(handle.db, async (tx) => {
      await tx.insert(notes).values({ id: 2, body: 'dos' })
      expect(await noteBodies(tx).all({ from: 1 })).toEqual([{ body: 'uno' }, { body: 'dos' }])
      throw new Error('roll back')
    })).rejects.toThrow('roll back')
    expect(builds).toBe(before + 1)
    expect(await noteBodies(handle.db).all({ from: 1 })).toEqual([{ body: 'uno' }])
  })
})

describe('rows of prepared queries', () => {
  const manager = sql<string>`(SELECT name FROM people m WHERE m.id = ${people.managerId})`
  // Each query twice: as every prepared query is now, and as drizzle maps it itself.
  const shapes = {
    'whole rows of a table': (db: DatabaseHandle['db']) => db.select().from(people).orderBy(people.id),
    'chosen columns, sql with mapWith and an alias': (db: DatabaseHandle['db']) =>
      db.select({ id: people.id, active: people.active, tags: people.tags, upper: sql`upper(${people.name})`.mapWith(String).as('upper'), manager, floor: sql<number>`(SELECT floor FROM desks WHERE person_id = ${people.id})`.mapWith(Number) })
        .from(people).orderBy(people.id),
    'a left join, missing and present, with a null first column': (db: DatabaseHandle['db']) =>
      db.select().from(people).leftJoin(desks, eq(desks.personId, people.id)).orderBy(people.id),
    'nested objects of several tables': (db: DatabaseHandle['db']) =>
      db.select({ person: { id: people.id, joinedAt: people.joinedAt, photo: people.photo }, desk: { id: desks.id, floor: desks.floor }, mixed: { name: people.name, floor: desks.floor } })
        .from(people).leftJoin(desks, eq(desks.personId, people.id)).orderBy(people.id),
    'an inner join': (db: DatabaseHandle['db']) => db.select({ person: people, desk: desks }).from(people).innerJoin(desks, eq(desks.personId, people.id)).orderBy(people.id),
  }

  for (const [name, select] of Object.entries(shapes)) {
    it(`map ${name} as drizzle does`, async () => {
      const ours = prepared((db) => select(db as DatabaseHandle['db']).prepare())(handle.db)
      const theirs = select(handle.db).prepare()
      const expected = await theirs.all()
      expect(expected.length).toBeGreaterThan(0)
      expect(await ours.all()).toEqual(expected)
      expect(await ours.get()).toEqual(await theirs.get())
    })
  }

  it('read a missing row as undefined', async () => {
    const byId = prepared((db) => db.select().from(people).where(eq(people.id, sql.placeholder('id'))).prepare())
    expect(await byId(handle.db).get({ id: 'nadie' })).toBeUndefined()
    expect(await byId(handle.db).get({ id: 'beto' })).toMatchObject({ name: 'Beto', active: false, joinedAt: null, tags: null })
  })
})
