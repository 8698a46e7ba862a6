import type { DataSource, EntityManager } from 'typeorm';

type AfterCommit = () => Promise<unknown>;

const pending = new WeakMap<EntityManager, AfterCommit[]>();

/**
 * Writers lock a claim before its reviewer, but some paths cannot (a deactivation locks the reviewer, then the claims
 * it holds, while a revision withdrawing one of them locks the claim, then the reviewer through the open-claims
 * trigger). Postgres then aborts one of the two whole; it is run again from the start, a fresh transaction.
 */
const TRANSACTION_ATTEMPTS = 3;

/**
 * Runs `work` in one transaction; what it registered with `afterCommit` runs once the transaction has committed,
 * in the order registered, and never if it rolled back. Every writer whose change must be followed by queue work
 * (assignments, offers of freed capacity, callback dispatch) begins its transaction here.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const callbacks: AfterCommit[] = [];
    let result: T;
    try {
      result = await dataSource.transaction((em) => {
        pending.set(em, callbacks);
        return work(em);
      });
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isDeadlock(error)) throw error;
      continue;
    }
    // Outside the retry: once committed, the work is never run again, whatever its follow-up throws.
    await runAll(callbacks);
    return result;
  }
}

/** For a single statement Postgres aborted to break a deadlock: nothing it did stands, so its caller may run it again. */
export function nullOnDeadlock(error: unknown): null {
  if (isDeadlock(error)) return null;
  throw error;
}

function isDeadlock(error: unknown): boolean {
  const code =
    (error as { code?: unknown } | null)?.code ??
    (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return code === '40P01';
}

/**
 * Like inTransaction, for work whose change is a single statement (a function call that writes several rows): it
 * commits as it returns, so no transaction is held open across round trips to the api. What `work` registered with
 * `afterCommit` runs once it has returned, never if it threw. Reads before the statement see no transaction either.
 */
export async function inOneStatement<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return (await inOneStatementThen(dataSource, work, async () => undefined))[0];
}

/**
 * `inOneStatement`, and `then` once `work` has returned (its change committed), run beside what `work` registered with
 * `afterCommit` rather than after it: a request that writes again next does not wait for the first change's queue work.
 */
export async function inOneStatementThen<T, U>(
  dataSource: DataSource,
  work: (em: EntityManager) => Promise<T>,
  then: (result: T) => Promise<U>,
): Promise<[T, U]> {
  const callbacks: AfterCommit[] = [];
  // A manager of its own (no query runner: each query takes a pooled connection) keys this work's callbacks.
  const em = dataSource.createEntityManager();
  pending.set(em, callbacks);
  const result = await work(em);
  // Both run to the end whatever the other does: `then` may have written too, and its caller must hear of it.
  const [queued, followed] = await Promise.allSettled([runAll(callbacks), (async () => then(result))()]);
  if (queued.status === 'rejected') throw queued.reason;
  if (followed.status === 'rejected') throw followed.reason;
  return [result, followed.value];
}

async function runAll(callbacks: AfterCommit[]): Promise<void> {
  for (const callback of callbacks) await callback();
}

/** Work that must follow the commit of `em`'s transaction; refuses a manager not begun with `inTransaction` (or `inOneStatement`), so none is lost. */
export function afterCommit(em: EntityManager, callback: AfterCommit): void {
  const callbacks = pending.get(em);
  if (!callbacks) throw new Error('afterCommit: the transaction was not begun with inTransaction or inOneStatement');
  callbacks.push(callback);
}
