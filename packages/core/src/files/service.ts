import { type SQLWrapper, and, asc, eq, inArray, sql } from 'drizzle-orm'
import { files, type StoredFile } from '../db/schema/files.js'
import { preparedShapes } from '../db/prepared.js'
import { afterCommit, type Executor } from '../db/transaction.js'
import { CONTENT_TYPES, type FileType, detectFileType } from './file-types.js'
import type { FileStorage } from './storage.js'

/** What a form accepts for one attachment: how big, and which kinds. */
export interface FilePolicy {
  maxBytes: number
  types: readonly FileType[]
}

/** A refusal, as an i18n key with its parameters, to show next to the field. */
export interface FileProblem {
  message: string
  params?: Record<string, string | number>
}

export type CheckedFile = { ok: true; type: FileType; bytes: Uint8Array; name: string } | { ok: false; problem: FileProblem }

export interface FileService {
  readonly storage: FileStorage
  /** The district-wide ceiling for one upload request; a policy cannot go beyond it. */
  readonly maxUploadBytes: number
  /** Size and type checked from the content; call it before opening the transaction that saves. */
  check(file: File | string | undefined | null, policy: FilePolicy, options?: { required?: boolean }): Promise<CheckedFile | null>
  /** Stores the bytes, then records the file with `executor` (in the transaction of the change it belongs to). */
  save(executor: Executor, input: { subject: { type: string; id: string }; purpose: string; file: Extract<CheckedFile, { ok: true }>; uploadedBy: string | null }): Promise<StoredFile>
  list(db: Executor, subject: { type: string; id: string }, purpose?: string): Promise<StoredFile[]>
  /**
   * The same list as a select not yet run, for a page that reads it in the statement of its main
   * row (`listColumn`); the subject may be `sql.placeholder`s or columns of that statement.
   */
  listQuery(db: Executor, subject: { type: FileQueryValue; id: FileQueryValue }, purpose?: FileQueryValue): FileListQuery
  get(db: Executor, id: string): Promise<StoredFile | undefined>
  remove(executor: Executor, file: StoredFile): Promise<void>
  /** Removes every file of an item (when the item itself is deleted). */
  removeAll(executor: Executor, subject: { type: string; id: string }): Promise<void>
}

/** A name safe to show and to send back in a header: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200)
  return cleaned || 'archivo'
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`
}

export function createFileService(storage: FileStorage, maxUploadBytes: number): FileService {
  return {
    storage,
    maxUploadBytes,
    async check(file, policy, options = {}): Promise<CheckedFile | null> {
      if (!(file instanceof File) || (file.size === 0 && !file.name)) {
        return options.required ? { ok: false, problem: { message: 'core.files.required' } } : null
      }
      const limit = Math.min(policy.maxBytes, maxUploadBytes)
      if (file.size > limit) return { ok: false, problem: { message: 'core.files.tooBig', params: { max: formatBytes(limit) } } }
      if (file.size === 0) return { ok: false, problem: { message: 'core.files.empty' } }
      const bytes = new Uint8Array(await file.arrayBuffer())
      const type = detectFileType(bytes, file.name)
      if (!type || !policy.types.includes(type)) {
        return { ok: false, problem: { message: 'core.files.wrongType', params: { types: policy.types.map((t) => t.toUpperCase()).join(', ') } } }
      }
      return { ok: true, type, bytes, name: cleanFileName(file.name) }
    },
    async save(executor, input) {
      const now = new Date()
      const id = crypto.randomUUID()
      const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`
      const digest = Buffer.from(await crypto.subtle.digest('SHA-256', input.file.bytes)).toString('hex')
      await storage.put(storageKey, input.file.bytes)
      const [row] = await executor
        .insert(files)
        .values({
          id,
          subjectType: input.subject.type,
          subjectId: input.subject.id,
          purpose: input.purpose,
          name: input.file.name,
          contentType: CONTENT_TYPES[input.file.type],
          size: input.file.bytes.byteLength,
          sha256: digest,
          storageKey,
          uploadedBy: input.uploadedBy,
          createdAt: now,
        })
        .returning()
      return row!
    },
    list(db, subject, purpose) {
      return filesOfSubject(db, Boolean(purpose)).all({ type: subject.type, id: subject.id, purpose })
    },
    listQuery(db, subject, purpose) {
      return filesOfSubjectQuery(db, subject, purpose)
    },
    async get(db, id) {
      const [row] = await db.select().from(files).where(eq(files.id, id))
      return row
    },
    async remove(executor, file) {
      await executor.delete(files).where(eq(files.id, file.id))
      // The bytes go only once the row is gone for good: a rolled-back removal keeps a working file.
      // An unreachable store leaves the bytes behind, unreferenced; the removal itself stands.
      await afterCommit(executor, () => storage.delete(file.storageKey).catch(() => undefined))
    },
    async removeAll(executor, subject) {
      const gone = await executor.delete(files).where(and(eq(files.subjectType, subject.type), eq(files.subjectId, subject.id))).returning({ key: files.storageKey })
      await afterCommit(executor, async () => {
        for (const { key } of gone) await storage.delete(key).catch(() => undefined)
      })
    },
  }
}

type FileQueryValue = string | SQLWrapper

function filesOfSubjectQuery(db: Executor, subject: { type: FileQueryValue; id: FileQueryValue }, purpose?: FileQueryValue) {
  return db
    .select()
    .from(files)
    .where(and(eq(files.subjectType, subject.type), eq(files.subjectId, subject.id), purpose === undefined ? undefined : eq(files.purpose, purpose)))
    .orderBy(asc(files.createdAt))
}

export type FileListQuery = ReturnType<typeof filesOfSubjectQuery>

// Pages list an item's files on every view: built once per executor, with or without a purpose.
const filesOfSubject = preparedShapes(
  (byPurpose: boolean) => (byPurpose ? 'purpose' : 'all'),
  (db, byPurpose) => filesOfSubjectQuery(db, { type: sql.placeholder('type'), id: sql.placeholder('id') }, byPurpose ? sql.placeholder('purpose') : undefined).prepare(),
)

/** Files of several items of one type, for lists, in one query. */
export async function filesOf(db: Executor, subjectType: string, ids: readonly string[]): Promise<StoredFile[]> {
  if (!ids.length) return []
  return db.select().from(files).where(and(eq(files.subjectType, subjectType), inArray(files.subjectId, [...ids]))).orderBy(asc(files.createdAt))
}
