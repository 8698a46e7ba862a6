import { createTransport, type Transporter } from 'nodemailer';

/** Messages a sender takes from the outbox at a time, and how long it holds them (well beyond a send's timeouts). */
export const MAIL_BATCH = 20;
export const MAIL_LEASE_SECONDS = 120;
/** Connections kept open to the server: a batch is sent over them at once, rather than one connection a mail. */
export const MAIL_CONNECTIONS = 4;

/** An SMTP connection pool to `SMTP_URL`; a send that hangs fails within its timeouts and is retried later. */
export function smtpTransport(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return createTransport({
    pool: true,
    maxConnections: MAIL_CONNECTIONS,
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 25,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/** The delay before the next try of a mail that failed `attempts` times: doubling from `baseMs`, at most `maxMs`. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
}
