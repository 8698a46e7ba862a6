import { loadEnvironment } from './config/environment';

const TIMEOUT_MS = 4000;

/** true or false as /health answers; null when nothing listens on the port. */
async function answers(port: number): Promise<boolean | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    return response.status === 200;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED' ? null : false;
  }
}

/**
 * The image's HEALTHCHECK, one for both processes: the api's /health on PORT or, in a worker's container (where nothing
 * listens on PORT), the worker's on WORKER_PORT. Exit 0 healthy, 1 not.
 */
async function main(): Promise<void> {
  const env = loadEnvironment();
  const api = await answers(env.PORT);
  process.exit((api ?? (await answers(env.WORKER_PORT))) ? 0 : 1);
}

void main().catch(() => process.exit(1));
