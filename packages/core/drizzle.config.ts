import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'turso',
  schema: './src/db/schema/!(index).ts',
  out: './drizzle',
  dbCredentials: { url: 'file::memory:' },
})
