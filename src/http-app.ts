import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { json, urlencoded } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { Environment } from './config/environment';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { requestInputGuard, requireUtf8 } from './common/json-body-guard';
import { keepRawBody } from './common/raw-body';
import { securityHeaders } from './common/security-headers';
import { exitIfStillStoppingAfter, STOP_SIGNALS } from './common/shutdown-deadline';
import { createValidationPipe } from './common/validation.pipe';
import { buildOpenApiDocument } from './openapi-document';

export const MAX_BODY = '1mb';

/** Everything the api process sets up around its modules; tests call this too, so they run the app as shipped. */
export function configureHttpApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  const trustedProxies = app
    .get<ConfigService<Environment, true>>(ConfigService)
    .get('TRUSTED_PROXIES', { infer: true });
  // Without a trusted proxy, X-Forwarded-* are anyone's to write: the client is the connection's peer.
  express.set('trust proxy', trustedProxies.length > 0 ? trustedProxies : false);
  express.use(securityHeaders());
  express.use(
    json({
      limit: MAX_BODY,
      verify: (req, res, buffer, encoding) => {
        requireUtf8(req, res, buffer, encoding);
        keepRawBody(req, res, buffer);
      },
    }),
  );
  express.use(urlencoded({ extended: false, limit: MAX_BODY }));
  express.use(requestInputGuard());
  express.use(cookieParser());
  express.useGlobalPipes(createValidationPipe());
  express.useGlobalFilters(new AllExceptionsFilter());
  express.disable('x-powered-by');
  express.set('query parser', 'extended');
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  keepConnectionsLongerThanProxies(app.getHttpServer() as Server);
  drainOnStop(app.getHttpServer() as Server);
  return app;
}

/** How often a stopping server closes the connections that have no request in flight. */
const IDLE_SWEEP_MS = 100;

/**
 * Nest closes the HTTP server only after every module's shutdown hook, and the server then waits for every
 * connection: a page's reconnect on a kept-alive connection (65 s), or a socket the browser opened ahead of a request
 * it never sent, held a stopping process open past its grace. So on the stop signal the server stops accepting
 * connections, and until the process exits every connection with no request in flight is closed; requests in flight
 * (an export, a live stream until its service ends it) run on.
 */
function drainOnStop(server: Server): void {
  const sockets = new Set<Socket>();
  const busy = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    busy.add(request.socket);
    response.once('close', () => busy.delete(request.socket));
  });
  for (const signal of STOP_SIGNALS)
    process.once(signal, () => {
      server.close();
      const sweep = () => {
        for (const socket of sockets) if (!busy.has(socket)) socket.destroy();
      };
      sweep();
      setInterval(sweep, IDLE_SWEEP_MS).unref();
    });
}

/**
 * Node closes an idle keep-alive connection after 5 s; a proxy (or a browser) that sends on it at that moment gets a
 * reset. Load balancers keep theirs about 60 s, so the service keeps its connections longer than they do.
 */
function keepConnectionsLongerThanProxies(server: Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

export async function createHttpApp(): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  exitIfStillStoppingAfter(
    app.get<ConfigService<Environment, true>>(ConfigService).get('SHUTDOWN_GRACE_MS', { infer: true }),
    (message) => app.get(Logger).error(message, 'Shutdown'),
  );
  return configureHttpApp(app);
}
