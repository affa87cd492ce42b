/** The kinds of file a plugin may accept; the server recognises each from its content, not its name. */
export const FILE_TYPES = ['pdf', 'png', 'jpeg', 'webp', 'docx', 'xlsx', 'pptx', 'csv', 'txt'] as const
export type FileType = (typeof FILE_TYPES)[number]

export const CONTENT_TYPES: Record<FileType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
}

/** Extensions for the browser's file picker (`accept`). */
export const EXTENSIONS: Record<FileType, readonly string[]> = {
  pdf: ['.pdf'],
  png: ['.png'],
  jpeg: ['.jpg', '.jpeg'],
  webp: ['.webp'],
  docx: ['.docx'],
  xlsx: ['.xlsx'],
  pptx: ['.pptx'],
  csv: ['.csv'],
  txt: ['.txt'],
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b)
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0))

function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * The type of a file from its first bytes and, for the types that share a container (Office
 * documents are zip files, CSV is text), its extension. `null` when it is none of the known types:
 * a renamed executable is refused whatever its name says.
 */
export function detectFileType(bytes: Uint8Array, name: string): FileType | null {
  const extension = name.toLowerCase().slice(name.lastIndexOf('.'))
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    for (const type of ['docx', 'xlsx', 'pptx'] as const) if (EXTENSIONS[type].includes(extension)) return type
    return null
  }
  if (isText(bytes)) {
    if (EXTENSIONS.csv.includes(extension)) return 'csv'
    if (EXTENSIONS.txt.includes(extension)) return 'txt'
  }
  return null
}
