/**
 * Where the bytes of attachments live. The district stores files on disk by default; an
 * S3-compatible store (or any other) plugs in by implementing these three methods and passing the
 * object as `files.storage` when assembling the district.
 */
export interface FileStorage {
  put(key: string, data: Uint8Array): Promise<void>
  /** The bytes as a stream, or `null` when the key is unknown. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>
  delete(key: string): Promise<void>
}
