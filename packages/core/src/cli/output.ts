/** Where the CLI writes; tests pass their own to read what a person would see. */
export interface CliOutput {
  out(line: string): void
  err(line: string): void
  /** Redraws one status line in place on a terminal; prints plain lines elsewhere. */
  status?(line: string): void
}

export const processOutput: CliOutput = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  status: process.stdout.isTTY ? (line) => process.stdout.write(`\r\x1b[2K${line}`) : undefined,
}

/**
 * Reports a long job's progress: redrawn in place on a terminal, otherwise a line every
 * `everyPercent` and at the end. A new label starts a new count.
 */
export function progressReporter(io: CliOutput, everyPercent: number): (label: string, done: number, total: number) => void {
  let current = ''
  let lastShown = -1
  return (label, done, total) => {
    if (label !== current) {
      current = label
      lastShown = -1
    }
    const percent = Math.floor((done / total) * 100)
    const line = `  ${label}: ${done}/${total} (${percent}%)`
    if (io.status) io.status(line + (done === total ? '\n' : ''))
    else if (percent >= lastShown + everyPercent || done === total) {
      lastShown = percent
      io.out(line)
    }
  }
}
