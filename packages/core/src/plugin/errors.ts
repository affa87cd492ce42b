/**
 * Everything that can be wrong with how an instance is put together. Thrown while assembling,
 * never at request time, so a misconfigured district fails at boot with one readable sentence.
 */
export type AssemblyErrorCode =
  | 'INVALID_PLUGIN'
  | 'INVALID_ID'
  | 'RESERVED_ID'
  | 'DUPLICATE_ID'
  | 'CORE_VERSION_MISMATCH'
  | 'MISSING_DEPENDENCY'
  | 'DEPENDENCY_VERSION_MISMATCH'
  | 'DEPENDENCY_CYCLE'
  | 'INVALID_OPTIONS'
  | 'INVALID_MESSAGES'
  | 'INVALID_CONFIG'
  | 'PLUGIN_SETUP_FAILED'
  | 'UNKNOWN_PERMISSION'
  | 'INVALID_WORKFLOW'
  | 'DUPLICATE_HANDLER'
  | 'UNKNOWN_NOTIFICATION'

export class AssemblyError extends Error {
  override readonly name = 'AssemblyError'
  constructor(
    readonly code: AssemblyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}
