import { LibsqlBatchError, LibsqlError, type Client, type InArgs, type InStatement, type ResultSet, type Transaction, type TransactionMode } from '@libsql/client'
import Database from 'libsql'
import { StatementRunner } from './statements.js'

type Connection = InstanceType<typeof Database>

/** Connections kept open between transactions; more are opened while more transactions overlap. */
const IDLE_CONNECTIONS = 4

const BEGIN: Record<TransactionMode, string> = { write: 'BEGIN IMMEDIATE', read: 'BEGIN TRANSACTION READONLY', deferred: 'BEGIN DEFERRED' }

function statementOf(statement: InStatement | string, args?: InArgs): InStatement {
  return typeof statement === 'string' ? { sql: statement, args: args ?? [] } : statement
}

function normalized(statement: InStatement | [string, InArgs?]): InStatement {
  return Array.isArray(statement) ? { sql: statement[0], args: statement[1] ?? [] } : statement
}

/** Runs a batch's statements, reporting which one failed as @libsql/client does. */
function runAll(runner: StatementRunner, statements: (InStatement | [string, InArgs?])[], inTransaction: () => boolean): ResultSet[] {
  const results: ResultSet[] = []
  for (let i = 0; i < statements.length; i++) {
    try {
      if (!inTransaction()) throw new LibsqlBatchError('The transaction has been rolled back', i, 'TRANSACTION_CLOSED')
      results.push(runner.execute(normalized(statements[i]!)))
    } catch (error) {
      if (error instanceof LibsqlBatchError) throw error
      if (error instanceof LibsqlError) throw new LibsqlBatchError(error.message, i, error.code, error.extendedCode, error.rawCode, error.cause instanceof Error ? error.cause : undefined)
      throw error
    }
  }
  return results
}

/**
 * A `@libsql/client` Client for a local database file that keeps each connection's prepared
 * statements (see `StatementRunner`). Statements outside transactions share one connection — a file
 * database runs them synchronously, so they never overlap; each open transaction holds a connection
 * of its own until it ends. Same results, errors and transaction modes as the stock client.
 */
export class FileClient implements Client {
  closed = false
  readonly protocol = 'file'
  private shared: StatementRunner | null = null
  private idle: StatementRunner[] = []
  private readonly open = new Set<StatementRunner>()

  constructor(
    private readonly path: string,
    private readonly options: { timeout?: number } = {},
  ) {
    // Fail at once, as the stock client does, when the file cannot be opened.
    this.sharedRunner().execute('SELECT 1')
  }

  async execute(statement: InStatement | string, args?: InArgs): Promise<ResultSet> {
    return this.sharedRunner().execute(statementOf(statement, args))
  }

  async batch(statements: (InStatement | [string, InArgs?])[], mode: TransactionMode = 'deferred'): Promise<ResultSet[]> {
    return this.inOneTransaction(this.sharedRunner(), statements, mode)
  }

  async migrate(statements: InStatement[]): Promise<ResultSet[]> {
    const runner = this.sharedRunner()
    runner.execute('PRAGMA foreign_keys=off')
    try {
      return this.inOneTransaction(runner, statements, 'deferred')
    } finally {
      runner.execute('PRAGMA foreign_keys=on')
    }
  }

  async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    const runner = this.borrow()
    try {
      runner.execute(BEGIN[mode])
    } catch (error) {
      this.giveBack(runner)
      throw error
    }
    return new FileTransaction(runner, () => this.giveBack(runner))
  }

  async executeMultiple(sql: string): Promise<void> {
    const runner = this.sharedRunner()
    try {
      runner.executeMultiple(sql)
    } finally {
      if (runner.connection.inTransaction) runner.execute('ROLLBACK')
    }
  }

  async sync(): Promise<undefined> {
    return undefined
  }

  async reconnect(): Promise<void> {
    this.close()
    this.closed = false
  }

  close(): void {
    this.closed = true
    for (const runner of [this.shared, ...this.idle, ...this.open]) {
      if (runner?.connection.open) runner.connection.close()
    }
    this.shared = null
    this.idle = []
    this.open.clear()
  }

  /** Statements run whole or not at all, as one transaction on one connection. */
  private inOneTransaction(runner: StatementRunner, statements: (InStatement | [string, InArgs?])[], mode: TransactionMode): ResultSet[] {
    runner.execute(BEGIN[mode])
    try {
      const results = runAll(runner, statements, () => runner.connection.inTransaction)
      runner.execute('COMMIT')
      return results
    } finally {
      if (runner.connection.inTransaction) runner.execute('ROLLBACK')
    }
  }

  private checkOpen(): void {
    if (this.closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
  }

  private connect(): StatementRunner {
    // A schema change on any connection leaves every connection's prepared column lists stale.
    return new StatementRunner(new Database(this.path, this.options) as Connection, () => this.forgetStatements())
  }

  private sharedRunner(): StatementRunner {
    this.checkOpen()
    this.shared ??= this.connect()
    return this.shared
  }

  private borrow(): StatementRunner {
    this.checkOpen()
    const runner = this.idle.pop() ?? this.connect()
    this.open.add(runner)
    return runner
  }

  private giveBack(runner: StatementRunner): void {
    this.open.delete(runner)
    const { connection } = runner
    if (this.closed || !connection.open) return
    // A connection must never be reused mid-transaction.
    if (connection.inTransaction) {
      try {
        runner.execute('ROLLBACK')
      } catch {
        connection.close()
        return
      }
    }
    if (this.idle.length < IDLE_CONNECTIONS) this.idle.push(runner)
    else connection.close()
  }

  private forgetStatements(): void {
    for (const runner of [this.shared, ...this.idle, ...this.open]) runner?.forget()
  }
}

class FileTransaction implements Transaction {
  private runner: StatementRunner | null

  constructor(
    runner: StatementRunner,
    private readonly release: () => void,
  ) {
    this.runner = runner
  }

  get closed(): boolean {
    const connection = this.runner?.connection
    return !connection || !connection.open || !connection.inTransaction
  }

  async execute(statement: InStatement | string, args?: InArgs): Promise<ResultSet> {
    return this.active().execute(statementOf(statement, args))
  }

  async batch(statements: (InStatement | [string, InArgs?])[]): Promise<ResultSet[]> {
    const runner = this.active()
    return runAll(runner, statements, () => runner.connection.inTransaction)
  }

  async executeMultiple(sql: string): Promise<void> {
    this.active().executeMultiple(sql)
  }

  async commit(): Promise<void> {
    try {
      this.active().execute('COMMIT')
    } finally {
      this.settle()
    }
  }

  async rollback(): Promise<void> {
    try {
      if (!this.closed) this.runner!.execute('ROLLBACK')
    } finally {
      this.settle()
    }
  }

  close(): void {
    try {
      if (!this.closed) this.runner!.execute('ROLLBACK')
    } finally {
      this.settle()
    }
  }

  private active(): StatementRunner {
    if (this.closed) throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED')
    return this.runner!
  }

  private settle(): void {
    if (!this.runner) return
    this.runner = null
    this.release()
  }
}
