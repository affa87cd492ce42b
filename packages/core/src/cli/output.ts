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
