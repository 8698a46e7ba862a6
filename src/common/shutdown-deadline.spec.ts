import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describeResources } from './shutdown-deadline';

describe('shutdown deadline', () => {
  it('counts what a process still holds', () => {
    expect(describeResources(['TCPWrap', 'Timeout', 'TCPWrap'])).toBe('2 TCPWrap, 1 Timeout');
    expect(describeResources([])).toBe('nothing');
  });

  it('exits a process whose stop never finishes, and only after the grace period', () => {
    // A child whose SIGTERM handler never completes (as a close waiting on a dead Redis node would).
    const script = `
      require('ts-node').register({ transpileOnly: true });
      const { exitIfStillStoppingAfter } = require(${JSON.stringify(resolve(__dirname, 'shutdown-deadline.ts'))});
      exitIfStillStoppingAfter(300, (message) => console.log(message), () => ['the q consumer']);
      process.on('SIGTERM', () => console.log('stopping'));
      setInterval(() => undefined, 1000);
      setTimeout(() => process.kill(process.pid, 'SIGTERM'), 50);
    `;
    const started = Date.now();
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(child.status).toBe(1);
    expect(child.stdout).toContain('stopping');
    expect(child.stdout).toMatch(
      /Still stopping 300 ms after SIGTERM; exiting now, still closing the q consumer, holding .*Timeout/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});
