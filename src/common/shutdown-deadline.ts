export const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * A process asked to stop finishes its running work first (Nest's shutdown hooks: BullMQ workers wait for their
 * jobs). One still stopping `graceMs` later exits anyway, naming what it still held: a close that never returns —
 * BullMQ's, waiting on a Redis node that died in a failover — must not hang a deployment's restart. What it abandons
 * is safe: Postgres holds every claim, and BullMQ hands a stalled job to another worker once its lock lapses.
 */
export function exitIfStillStoppingAfter(
  graceMs: number,
  report: (message: string) => void,
  stillClosing: () => string[] = () => [],
): void {
  for (const signal of STOP_SIGNALS) {
    process.once(signal, () => {
      setTimeout(() => {
        const closing = stillClosing();
        report(
          `Still stopping ${graceMs} ms after ${signal}; exiting now${closing.length > 0 ? `, still closing ${closing.join(', ')}` : ''}, ` +
            `holding ${describeResources(process.getActiveResourcesInfo())}`,
        );
        process.exit(1);
      }, graceMs).unref();
    });
  }
}

/** `['TCPWrap', 'Timeout', 'TCPWrap']` → `2 TCPWrap, 1 Timeout`. */
export function describeResources(resources: string[]): string {
  const counts = new Map<string, number>();
  for (const resource of resources) counts.set(resource, (counts.get(resource) ?? 0) + 1);
  return [...counts].map(([resource, count]) => `${count} ${resource}`).join(', ') || 'nothing';
}
