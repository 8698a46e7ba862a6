import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client } from 'pg';
import type { Environment } from '../config/environment';
import type { ClaimEventType } from './claim-event.entity';
import type { ClaimStatus } from './claim-status';

/** One committed change of a claim's history, as the `claim_changes` trigger announces it. */
export interface ClaimChange {
  claimId: string;
  articleId: string;
  type: ClaimEventType;
  fromStatus: ClaimStatus | null;
  toStatus: ClaimStatus | null;
  actorUserId: string | null;
  actorKeyId: string | null;
  actorRole: string;
  reviewerId: string | null;
}

type Listener = (change: ClaimChange) => void;

const CHANNEL = 'claim_changes';
const RECONNECT_MS = 1000;
/** The listening connection is asked this often whether it still answers; silence this long means it is gone. */
export const LISTEN_PING_MS = 15_000;
const LISTEN_PING_TIMEOUT_MS = 5_000;

/**
 * Listens on `claim_changes` (see migration NotifyClaimChanges) with one connection of its own per process, opened when
 * the first listener subscribes (so a worker, which never subscribes, holds none). A lost connection is reopened;
 * what was announced while it was down is missed, and the pages' reload is the fallback. A listening connection only
 * receives, so a half-open one (its peer gone without a word) would go unnoticed: it is pinged every LISTEN_PING_MS
 * and reopened when a ping fails or goes unanswered.
 */
@Injectable()
export class ClaimChangesRepository implements OnModuleDestroy {
  private readonly logger = new Logger(ClaimChangesRepository.name);
  private readonly listeners = new Set<Listener>();
  private client: Client | null = null;
  private ping: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  /** Calls `listener` with every change committed from now on; the answer unsubscribes. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.client && !this.closed) void this.connect();
    return () => this.listeners.delete(listener);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.stopPing();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.get('DATABASE_URL', { infer: true }),
      application_name: 'claimdesk-live',
      keepAlive: true,
    });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const change = JSON.parse(message.payload) as ClaimChange;
      for (const listener of this.listeners) listener(change);
    });
    client.on('error', (error) => this.reconnect(client, error));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.reconnect(client, error);
      return;
    }
    this.stopPing();
    this.ping = setInterval(() => void this.checkAlive(client), LISTEN_PING_MS).unref();
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
    this.stopPing();
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn(
      `live updates lost their Postgres connection (${error instanceof Error ? error.message : String(error)}); reconnecting`,
    );
    setTimeout(() => {
      if (!this.client && !this.closed && this.listeners.size > 0) void this.connect();
    }, RECONNECT_MS).unref();
  }
}
