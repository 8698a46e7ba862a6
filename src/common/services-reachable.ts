import { connect } from 'node:net';
import { clusterNodesFrom } from '../queue/redis-connection';

/** How a newcomer starts what the service needs (docker-compose.yml, or Debian's packages). */
export const START_SERVICES_HINT =
  'start them with `docker compose up -d postgres redis` (or Debian’s packages: `apt-get install postgresql redis-server`)';

const CONNECT_TIMEOUT_MS = 2000;

/** The services to check: Redis is left out when neither of its settings is given. */
export interface ServiceAddresses {
  DATABASE_URL: string;
  REDIS_URL?: string;
  REDIS_CLUSTER_NODES?: string;
}

/** Whether something listens at host:port: a TCP connect, bounded, that sends nothing. */
function listening(host: string, port: number): Promise<string | null> {
  return new Promise((done) => {
    const socket = connect({ host, port, timeout: CONNECT_TIMEOUT_MS });
    const finish = (problem: string | null) => {
      socket.destroy();
      done(problem);
    };
    socket.once('connect', () => finish(null));
    socket.once('timeout', () => finish(`no answer in ${CONNECT_TIMEOUT_MS} ms`));
    socket.once('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
  });
}

function hostAndPort(url: string, defaultPort: number): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port ? Number(parsed.port) : defaultPort };
}

/**
 * One line naming the services that do not answer and how to start them, or null when both answer. Checked before
 * the drivers connect: they would retry (Redis, forever) or fail with a stack trace instead.
 */
export async function unreachableServices(addresses: ServiceAddresses): Promise<string | null> {
  const postgres = hostAndPort(addresses.DATABASE_URL, 5432);
  const redisNodes = addresses.REDIS_CLUSTER_NODES
    ? (clusterNodesFrom(addresses.REDIS_CLUSTER_NODES) as { host: string; port: number }[])
    : addresses.REDIS_URL
      ? [hostAndPort(addresses.REDIS_URL, 6379)]
      : [];
  const [postgresProblem, ...redisProblems] = await Promise.all(
    [postgres, ...redisNodes].map((a) => listening(a.host, a.port)),
  );
  const down: string[] = [];
  if (postgresProblem) down.push(`Postgres at ${postgres.host}:${postgres.port} (${postgresProblem})`);
  // A cluster is reachable while any of its nodes answers; the client finds the rest.
  if (redisNodes.length > 0 && redisProblems.every(Boolean))
    down.push(`Redis at ${redisNodes.map((n) => `${n.host}:${n.port}`).join(',')} (${redisProblems[0]})`);
  if (down.length === 0) return null;
  return `${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} not reachable: ${START_SERVICES_HINT}.`;
}

/** Throws the one line when a service does not answer; entry points print an error's message alone. */
export async function assertServicesReachable(addresses: ServiceAddresses): Promise<void> {
  const problem = await unreachableServices(addresses);
  if (problem) throw new Error(problem);
}
