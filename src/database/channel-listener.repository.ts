import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client } from 'pg';
import type { Environment } from '../config/environment';

type Handler = (payload: string) => void;

const RECONNECT_MS = 1000;
/** The listening connection is asked this often whether it still answers; silence this long means it is gone. */
export const LISTEN_PING_MS = 15_000;
const LISTEN_PING_TIMEOUT_MS = 5_000;
const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Postgres LISTEN for the whole process over one connection of its own, opened when the first handler subscribes (so
 * a process that never listens holds none). A lost connection is reopened; what was announced while it was down is
 * missed, so callers that cache ask `listeningConnection` before trusting what they hold. A listening connection only
 * receives, so a half-open one (its peer gone without a word) would go unnoticed: it is pinged every LISTEN_PING_MS
 * and reopened when a ping fails or goes unanswered.
 */
@Injectable()
export class ChannelListenerRepository implements OnModuleDestroy {
  private readonly logger = new Logger(ChannelListenerRepository.name);
  private readonly handlers = new Map<string, Set<Handler>>();
  private client: Client | null = null;
  /** The channels the current connection has LISTENed on: nothing sent on another reaches this process. */
  private readonly heard = new Set<string>();
  /** Counts connections: a notice may have been missed between two of them. */
  private connections = 0;
  private ping: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  /** Calls `handler` with the payload of every notification on `channel` committed from now on; the answer unsubscribes. */
  subscribe(channel: string, handler: Handler): () => void {
    if (!CHANNEL_NAME.test(channel)) throw new Error(`not a channel name: ${channel}`);
    const handlers = this.handlers.get(channel) ?? new Set<Handler>();
    this.handlers.set(channel, handlers);
    handlers.add(handler);
    if (!this.client && !this.closed) void this.connect();
    else if (this.client && this.heard.size > 0 && !this.heard.has(channel)) {
      const client = this.client;
      this.listenOn(client, channel).catch((error: unknown) => this.reconnect(client, error));
    }
    return () => handlers.delete(handler);
  }

  /**
   * Null while notices on `channel` may not reach this process; else the number of the connection that hears them. A
   * cache trusts what it holds only while this stays the same number: between two connections a notice may be lost.
   */
  listeningConnection(channel: string): number | null {
    return this.heard.has(channel) ? this.connections : null;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
    this.stopPing();
    const client = this.client;
    this.client = null;
    this.heard.clear();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.get('DATABASE_URL', { infer: true }),
      application_name: 'claimdesk-listen',
      keepAlive: true,
    });
    this.client = client;
    this.connections += 1;
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', (error) => this.reconnect(client, error));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await this.listenOn(client, channel);
    } catch (error) {
      this.reconnect(client, error);
      return;
    }
    this.stopPing();
    this.ping = setInterval(() => void this.checkAlive(client), LISTEN_PING_MS).unref();
  }

  private async listenOn(client: Client, channel: string): Promise<void> {
    // The name was checked against CHANNEL_NAME: LISTEN takes no parameters.
    await client.query(`LISTEN ${channel}`);
    if (this.client === client) this.heard.add(channel);
  }

  private async checkAlive(client: Client): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise<never>((_, fail) => {
      timer = setTimeout(
        () => fail(new Error(`no answer to a ping in ${LISTEN_PING_TIMEOUT_MS} ms`)),
        LISTEN_PING_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([client.query('SELECT 1'), silence]);
    } catch (error) {
      this.reconnect(client, error);
    } finally {
      clearTimeout(timer);
    }
  }

  private stopPing(): void {
    if (this.ping) clearInterval(this.ping);
    this.ping = null;
  }

  private reconnect(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.heard.clear();
    this.stopPing();
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn(
      `the listening Postgres connection was lost (${error instanceof Error ? error.message : String(error)}); reconnecting`,
    );
    setTimeout(() => {
      if (!this.client && !this.closed && this.handlers.size > 0) void this.connect();
    }, RECONNECT_MS).unref();
  }
}
