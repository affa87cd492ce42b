/** Resolves on the first SIGINT or SIGTERM: how a long-running command learns it should stop. */
export function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
}
