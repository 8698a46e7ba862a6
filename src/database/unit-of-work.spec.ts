import type { DataSource, EntityManager } from 'typeorm';
import { afterCommit, inTransaction } from './unit-of-work';

/** Stands in for TypeORM's transaction: runs the work with a manager, then "commits" (logs it) or rolls back on a throw. */
function recordingDataSource(log: string[]): DataSource {
  return {
    transaction: async (work: (em: EntityManager) => Promise<unknown>) => {
      const result = await work({} as EntityManager);
      log.push('commit');
      return result;
    },
  } as unknown as DataSource;
}

describe('inTransaction and afterCommit', () => {
  it('runs what was registered after the commit, in the order registered, and returns the work’s result', async () => {
    const log: string[] = [];
    const result = await inTransaction(recordingDataSource(log), async (em) => {
      afterCommit(em, async () => log.push('first'));
      afterCommit(em, async () => log.push('second'));
      log.push('work');
      return 42;
    });
    expect(result).toBe(42);
    expect(log).toEqual(['work', 'commit', 'first', 'second']);
  });

  it('runs nothing registered when the transaction rolls back', async () => {
    const log: string[] = [];
    const failing = inTransaction(recordingDataSource(log), async (em) => {
      afterCommit(em, async () => log.push('after'));
      throw new Error('rolled back');
    });
    await expect(failing).rejects.toThrow('rolled back');
    expect(log).toEqual([]);
  });

  it('refuses a manager whose transaction was not begun with inTransaction, so no step is lost silently', () => {
    expect(() => afterCommit({} as EntityManager, async () => undefined)).toThrow(/inTransaction/);
  });
});
