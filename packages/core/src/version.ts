import { createRequire } from 'node:module'

// Read from package.json so that a published build and the workspace agree on one number.
const pkg = createRequire(import.meta.url)('../package.json') as { version: string }

export const CORE_VERSION: string = pkg.version
