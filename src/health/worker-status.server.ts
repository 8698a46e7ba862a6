import { HttpException, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Environment } from '../config/environment';
import { HealthChecksService } from './health-checks.service';
import { tokenMatches } from './metrics-token';
import { WorkerMetricsService } from './worker-metrics.service';

/**
 * The worker's own small HTTP server on WORKER_PORT: GET /health (the api's checks, for an orchestrator's probe) and
 * GET /metrics (Prometheus, behind METRICS_TOKEN when it is set). Nothing else: the worker serves no API.
 */
@Injectable()
export class WorkerStatusServer implements OnApplicationShutdown {
  private readonly logger = new Logger(WorkerStatusServer.name);
  private server: Server | null = null;

  constructor(
    private readonly checks: HealthChecksService,
    private readonly metrics: WorkerMetricsService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** Listens on WORKER_PORT (0: a free port); resolves with the port. */
  async listen(): Promise<number> {
    const server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((listening, fail) => {
      server.once('error', fail);
      server.listen(this.config.get('WORKER_PORT', { infer: true }), '0.0.0.0', () => listening());
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.logger.log(`worker /health and /metrics on port ${port}`);
    return port;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    try {
      if (request.method !== 'GET') return send(response, 405, { statusCode: 405, code: 'method_not_allowed' });
      if (path === '/health') return send(response, 200, await this.checks.check());
      if (path === '/metrics') {
        const expected = this.config.get('METRICS_TOKEN', { infer: true });
        const header = request.headers.authorization ?? '';
        if (expected && !(header.startsWith('Bearer ') && tokenMatches(header.slice(7).trim(), expected)))
          return send(response, 401, {
            statusCode: 401,
            code: 'unauthorized',
            message: 'Metrics need Authorization: Bearer <METRICS_TOKEN>',
          });
        response.writeHead(200, { 'Content-Type': this.metrics.registry.contentType });
        response.end(await this.metrics.registry.metrics());
        return;
      }
      send(response, 404, { statusCode: 404, code: 'not_found', message: `${path} is not served by the worker` });
    } catch (error) {
      // Terminus answers a failed check with a 503 that names what is down.
      if (error instanceof HttpException) return send(response, error.getStatus(), error.getResponse());
      this.logger.warn(`worker ${path} failed: ${(error as Error).message}`);
      send(response, 500, { statusCode: 500, code: 'internal_error' });
    }
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
