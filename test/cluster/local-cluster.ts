import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../helpers/test-service';

/** Three masters and three replicas on loopback: the ports are this suite's own, never the machine's Redis. */
export const CLUSTER_PORTS = [7301, 7302, 7303, 7304, 7305, 7306];
export const CLUSTER_NODES = CLUSTER_PORTS.map((port) => `127.0.0.1:${port}`).join(',');

export interface ClusterNodeInfo {
  id: string;
  port: number;
  role: 'master' | 'replica';
  /** A replica's master. */
  masterId: string | null;
  failed: boolean;
  /** Slot ranges served, for masters. */
  slots: [number, number][];
}

function cli(port: number, ...args: string[]): string {
  const result = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (result.status !== 0) throw new Error(`redis-cli -p ${port} ${args.join(' ')}: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Whether a Redis server answers PING on this loopback port. */
export function redisAnswers(port: number): boolean {
  return (
    spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], {
      encoding: 'utf8',
      timeout: 2000,
    }).stdout?.includes('PONG') ?? false
  );
}

/** `CLUSTER NODES` as a node sees it. */
export function clusterNodes(port: number): ClusterNodeInfo[] {
  return cli(port, 'cluster', 'nodes')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [id, address, flagList, masterId, , , , , ...slots] = line.split(' ');
      const flags = flagList.split(',');
      return {
        id,
        port: Number(address.split('@')[0].split(':')[1]),
        role: flags.includes('master') ? 'master' : 'replica',
        masterId: masterId === '-' ? null : masterId,
        failed: flags.includes('fail') || flags.includes('fail?'),
        slots: slots
          .filter((s) => /^\d/.test(s))
          .map((s) => {
            const [from, to] = s.split('-').map(Number);
            return [from, to ?? from] as [number, number];
          }),
      };
    });
}

export function clusterState(port: number): string {
  return /^cluster_state:(\w+)/m.exec(cli(port, 'cluster', 'info'))?.[1] ?? 'unknown';
}

/** The slot a key (or its hash tag) hashes to, as the cluster computes it. */
export function keySlot(port: number, key: string): number {
  return Number(cli(port, 'cluster', 'keyslot', key).trim());
}

/** The master serving a slot, as a node sees it. */
export function masterOfSlot(port: number, slot: number): ClusterNodeInfo {
  const owner = clusterNodes(port).find(
    (n) => n.role === 'master' && !n.failed && n.slots.some(([from, to]) => slot >= from && slot <= to),
  );
  if (!owner) throw new Error(`no master serves slot ${slot}`);
  return owner;
}

/**
 * A real Redis Cluster: six `redis-server --cluster-enabled yes` processes, children of this test process (so they
 * can be killed by their own pid), joined with `redis-cli --cluster create … --cluster-replicas 1`.
 */
export class LocalCluster {
  private readonly dir = mkdtempSync(join(tmpdir(), 'claimdesk-cluster-'));
  private readonly processes = new Map<number, ChildProcess>();

  /** Servers left on these ports by an earlier run that did not finish (they answer SHUTDOWN; no other process is touched). */
  static stopStale(): void {
    for (const port of CLUSTER_PORTS) {
      if (!redisAnswers(port)) continue;
      spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'shutdown', 'nosave'], { timeout: 10_000 });
    }
  }

  async start(): Promise<void> {
    for (const port of CLUSTER_PORTS) {
      const dir = join(this.dir, String(port));
      mkdirSync(dir);
      const server = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, 'nodes.conf'),
          '--cluster-node-timeout',
          '2000',
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          dir,
          '--logfile',
          join(dir, 'redis.log'),
        ],
        { stdio: 'ignore' },
      );
      this.processes.set(port, server);
    }
    await waitFor(async () => CLUSTER_PORTS.every(redisAnswers), 'the six servers to answer PING', 10_000);
    cli(
      CLUSTER_PORTS[0],
      '--cluster',
      'create',
      ...CLUSTER_PORTS.map((p) => `127.0.0.1:${p}`),
      '--cluster-replicas',
      '1',
      '--cluster-yes',
    );
    await this.waitUntilServing(CLUSTER_PORTS);
  }

  /**
   * Until every given node says cluster_state:ok and sees every other as it is, and every replica has synced with its
   * master (a replica that never synced cannot take over).
   */
  async waitUntilServing(ports: number[], timeoutMs = 30_000): Promise<void> {
    await waitFor(
      async () => {
        for (const port of ports) {
          if (clusterState(port) !== 'ok') return false;
          if (
            /^role:slave/m.test(cli(port, 'info', 'replication')) &&
            !/^master_link_status:up/m.test(cli(port, 'info', 'replication'))
          )
            return false;
        }
        return true;
      },
      'the cluster to serve every slot',
      timeoutMs,
    );
  }

  /** SIGKILLs one node's process: no shutdown, no goodbye to the cluster, as a machine dying would. */
  async kill(port: number): Promise<void> {
    const server = this.processes.get(port)!;
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGKILL');
    await exited;
    this.processes.delete(port);
  }

  livePorts(): number[] {
    return [...this.processes.keys()];
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.keys()].map((port) => this.kill(port)));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
