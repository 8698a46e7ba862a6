import type { IncomingMessage } from 'node:http';

/** Body parsers' `verify` hook: keeps the bytes as sent, which signature checks need (re-serialized JSON would differ). */
export function keepRawBody(req: IncomingMessage & { rawBody?: Buffer }, _res: unknown, buffer: Buffer): void {
  req.rawBody = buffer;
}
