import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const exampleDir = fileURLToPath(new URL('..', import.meta.url))
const bin = fileURLToPath(new URL('../../../packages/core/bin/distrito.js', import.meta.url))

/** Runs the real `distrito` binary the way `npm start` does, in the instance's folder. */
export function distrito(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: exampleDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  /** Waits until the output (stdout, or stderr when asked) matches. */
  const waitFor = async (pattern: RegExp, ms = 30_000, stream: 'stdout' | 'stderr' = 'stdout') => {
    const started = Date.now()
    while (Date.now() - started < ms) {
      const match = pattern.exec(stream === 'stdout' ? stdout : stderr)
      if (match) return match
      if (child.exitCode !== null) break
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`timed out waiting for ${pattern}; stdout: ${stdout}; stderr: ${stderr}`)
  }
  return { child, exited, waitFor, output: () => ({ stdout, stderr }) }
}
