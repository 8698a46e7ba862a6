import type { DataSource, EntityManager } from 'typeorm';
import { afterCommit, inOneStatement, inOneStatementThen, inTransaction } from './unit-of-work';

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

  it('runs the whole work again when Postgres aborted it as one side of a deadlock, with only the last attempt’s callbacks', async () => {
    const log: string[] = [];
    let attempts = 0;
    const result = await inTransaction(recordingDataSource(log), async (em) => {
      attempts++;
      afterCommit(em, async () => log.push(`after attempt ${attempts}`));
      if (attempts < 3) throw Object.assign(new Error('deadlock detected'), { driverError: { code: '40P01' } });
      return 'done';
    });
    expect(result).toBe('done');
    expect(log).toEqual(['commit', 'after attempt 3']);
  });

  it('never runs committed work again, even when its follow-up fails with a deadlock', async () => {
    const log: string[] = [];
    let attempts = 0;
    const committed = inTransaction(recordingDataSource(log), async (em) => {
      attempts++;
      afterCommit(em, async () => {
        throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      });
    });
    await expect(committed).rejects.toThrow('deadlock detected');
    expect({ attempts, log }).toEqual({ attempts: 1, log: ['commit'] });
  });

  it('gives up after three deadlocks, and never runs again work that failed otherwise', async () => {
    let deadlocked = 0;
    const alwaysDeadlocked = inTransaction(recordingDataSource([]), async () => {
      deadlocked++;
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });
    await expect(alwaysDeadlocked).rejects.toThrow('deadlock detected');
    expect(deadlocked).toBe(3);
    let failed = 0;
    const unique = inTransaction(recordingDataSource([]), async () => {
      failed++;
      throw Object.assign(new Error('duplicate key'), { code: '23505' });
    });
    await expect(unique).rejects.toThrow('duplicate key');
    expect(failed).toBe(1);
  });

  it('refuses a manager whose transaction was not begun with inTransaction, so no step is lost silently', () => {
    expect(() => afterCommit({} as EntityManager, async () => undefined)).toThrow(/inTransaction/);
  });
});

describe('inOneStatement and afterCommit', () => {
  const managers = { createEntityManager: () => ({}) as EntityManager } as unknown as DataSource;

  it('runs what was registered once the work has returned, in the order registered', async () => {
    const log: string[] = [];
    const result = await inOneStatement(managers, async (em) => {
      afterCommit(em, async () => log.push('first'));
      afterCommit(em, async () => log.push('second'));
      log.push('statement');
      return 'moved';
    });
    expect(result).toBe('moved');
    expect(log).toEqual(['statement', 'first', 'second']);
  });

  it('runs nothing registered when the work throws', async () => {
    const log: string[] = [];
    const failing = inOneStatement(managers, async (em) => {
      afterCommit(em, async () => log.push('after'));
      throw new Error('stale');
    });
    await expect(failing).rejects.toThrow('stale');
    expect(log).toEqual([]);
  });

  it('keeps the callbacks of concurrent work apart: each runs when its own work is done', async () => {
    const log: string[] = [];
    const turns = (n: number) =>
      Array.from({ length: n }).reduce<Promise<unknown>>(
        (p) => p.then(() => new Promise((r) => setImmediate(r))),
        Promise.resolve(),
      );
    await Promise.all(
      [
        ['a', 1],
        ['b', 3],
      ].map(async ([name, wait]) => {
        await inOneStatement(managers, async (em) => {
          await turns(wait as number);
          afterCommit(em, async () => log.push(`${name} after`));
        });
        log.push(`${name} returned`);
      }),
    );
    expect(log).toEqual(['a after', 'a returned', 'b after', 'b returned']);
  });
});

describe('inOneStatementThen', () => {
  const managers = { createEntityManager: () => ({}) as EntityManager } as unknown as DataSource;
  const later = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('runs `then` with the work’s result beside what was registered, not after it, and answers both', async () => {
    const log: string[] = [];
    const answer = await inOneStatementThen(
      managers,
      async (em) => {
        afterCommit(em, async () => {
          log.push('queue work starts');
          await later();
          log.push('queue work ends');
        });
        return 'moved';
      },
      async (moved) => {
        log.push(`then starts after ${moved}`);
        await later();
        return 'next';
      },
    );
    expect(answer).toEqual(['moved', 'next']);
    expect(log.indexOf('then starts after moved')).toBeLessThan(log.indexOf('queue work ends'));
  });

  it('lets `then` finish when the queue work fails, then throws the failure', async () => {
    const log: string[] = [];
    const failing = inOneStatementThen(
      managers,
      async (em) => {
        afterCommit(em, async () => {
          throw new Error('Redis is away');
        });
        return 'moved';
      },
      async () => {
        await later();
        log.push('then finished');
      },
    );
    await expect(failing).rejects.toThrow('Redis is away');
    expect(log).toEqual(['then finished']);
  });
});
