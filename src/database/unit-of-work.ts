import type { DataSource, EntityManager } from 'typeorm';

type AfterCommit = () => Promise<unknown>;

const pending = new WeakMap<EntityManager, AfterCommit[]>();

/**
 * Runs `work` in one transaction; what it registered with `afterCommit` runs once the transaction has committed,
 * in the order registered, and never if it rolled back. Every writer whose change must be followed by queue work
 * (assignments, offers of freed capacity, callback dispatch) begins its transaction here.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const callbacks: AfterCommit[] = [];
  const result = await dataSource.transaction((em) => {
    pending.set(em, callbacks);
    return work(em);
  });
  for (const callback of callbacks) await callback();
  return result;
}

/** Work that must follow the commit of `em`'s transaction; refuses a manager not begun with `inTransaction`, so none is lost. */
export function afterCommit(em: EntityManager, callback: AfterCommit): void {
  const callbacks = pending.get(em);
  if (!callbacks) throw new Error('afterCommit: the transaction was not begun with inTransaction');
  callbacks.push(callback);
}
