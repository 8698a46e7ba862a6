import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { ArticlesQueryService } from '../articles/articles-query.service';
import { credentialOf } from '../auth/api-key.guard';
import type { Principal } from '../auth/principal';
import { PrincipalResolver, type Credential } from '../auth/principal-resolver';
import { ClaimChangesRepository, type ClaimChange } from '../claims/claim-changes.repository';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { liveStreamsKey } from '../queue/queue-keys';
import { RedisService } from '../queue/redis.service';
import { statementOf } from '../claims/claim-statement';
import { AssignmentService } from '../review/assignment.service';
import type { UiLiveQuery } from './dto/ui-live.query';
import { PeopleService } from './people.service';

/** What a page is told of a change: enough to recolour the claim and say who did what. */
export interface LiveMessage {
  claimId: string;
  articleId: string;
  type: ClaimChange['type'];
  status: ClaimChange['toStatus'];
  /** The claim as stated on its own (`statementOf`), as the pages list it. */
  text: string;
  actor: string;
  reviewer: string | null;
}

interface Stream {
  principal: Principal;
  credential: Credential;
  /** The person or key the stream counts against (`MAX_STREAMS_PER_HOLDER`). */
  holder: string;
  /** Its member in the holder's sorted set in Redis. */
  id: string;
  wants: (change: ClaimChange) => boolean;
  response: Response;
}

/** A comment line every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** How often every open stream's credential is checked again, events or not. */
export const LIVE_RECHECK_MS = 5_000;
/** Open streams one person or one key may hold at once, over every api process. */
export const MAX_STREAMS_PER_HOLDER = 10;
/** A stream's entry in Redis lapses this long after its process last refreshed it (a crashed process's too). */
const STREAM_LEASE_MS = 15_000;

/** Drops lapsed streams, then adds this one unless the holder already has the limit; 1 when added. */
const OPEN_STREAM = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

/**
 * Server-Sent Events for the article page and the workbench. One Postgres LISTEN per process feeds every open stream of
 * that process; each stream is checked at opening for what its person may see, and is sent only that. A stream lives
 * only as long as its credential: before each claim frame, and every LIVE_RECHECK_MS, the session or key is checked
 * again, and the stream is closed once it has ended (sign-out, deactivation, revocation, a changed role).
 * Streams are counted per holder in Redis, so the limit holds over every api process; with Redis away each process
 * still counts its own.
 */
@Injectable()
export class LiveUpdatesService implements OnModuleDestroy {
  private readonly streams = new Set<Stream>();
  private readonly heldBy = new Map<string, number>();
  private stopping = false;
  private unsubscribe: (() => void) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private recheck: NodeJS.Timeout | null = null;

  constructor(
    private readonly changes: ClaimChangesRepository,
    private readonly articles: ArticlesQueryService,
    private readonly claims: ClaimsQueryService,
    private readonly assignments: AssignmentService,
    private readonly people: PeopleService,
    private readonly principals: PrincipalResolver,
    private readonly redis: RedisService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async open(principal: Principal, query: UiLiveQuery, request: Request, response: Response): Promise<void> {
    if (this.stopping) throw stoppingError();
    const credential = credentialOf(request);
    if (!credential) throw ApiError.forbidden('A live stream needs a session or a key');
    const holder = principal.keyId ? `key:${principal.keyId}` : `user:${principal.userId}`;
    const wants = await this.filterFor(principal, query);
    const id = randomUUID();
    if ((this.heldBy.get(holder) ?? 0) >= MAX_STREAMS_PER_HOLDER || !(await this.lease(holder, id)))
      throw new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        'rate_limited',
        `At most ${MAX_STREAMS_PER_HOLDER} live streams per person or key at once: close a page that is open elsewhere`,
        { limit: MAX_STREAMS_PER_HOLDER },
      );
    // The process may have begun to stop while the lease was taken: a stream opened now would never be ended.
    if (this.stopping) {
      void this.redis.client.zrem(this.keyOf(holder), id).catch(() => undefined);
      throw stoppingError();
    }
    this.heldBy.set(holder, (this.heldBy.get(holder) ?? 0) + 1);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    });
    // After a lost connection the browser retries in 5 s (EventSource reconnects by itself).
    response.write('retry: 5000\n\n');
    const stream: Stream = { principal, credential, holder, id, wants, response };
    this.streams.add(stream);
    this.start();
    request.on('close', () => this.drop(stream));
  }

  /**
   * First thing when the process stops: the HTTP server waits for open responses, and a stream never ends by itself.
   * Each stream's connection is closed too, so the browser's reconnect cannot arrive on it while the server drains.
   */
  onModuleDestroy(): void {
    this.stopping = true;
    for (const { response, holder, id } of this.streams) {
      void this.redis.client.zrem(this.keyOf(holder), id).catch(() => undefined);
      response.end();
      response.socket?.end();
    }
    this.streams.clear();
    this.heldBy.clear();
    this.stop();
  }

  /** Whether the holder may open one more stream over all processes; an unreachable Redis leaves it to this process's count. */
  private async lease(holder: string, id: string): Promise<boolean> {
    const now = Date.now();
    try {
      const added = await this.redis.client.eval(
        OPEN_STREAM,
        1,
        this.keyOf(holder),
        now,
        now + STREAM_LEASE_MS,
        MAX_STREAMS_PER_HOLDER,
        id,
        STREAM_LEASE_MS,
      );
      return added === 1;
    } catch {
      return true;
    }
  }

  /** Keeps this process's streams counted in Redis (re-added after a Redis outage). */
  private refresh(stream: Stream): void {
    const key = this.keyOf(stream.holder);
    void this.redis.client
      .multi()
      .zadd(key, Date.now() + STREAM_LEASE_MS, stream.id)
      .pexpire(key, STREAM_LEASE_MS)
      .exec()
      .catch(() => undefined);
  }

  private keyOf(holder: string): string {
    return liveStreamsKey(this.config.get('QUEUE_PREFIX', { infer: true }), holder);
  }

  /** Which changes a stream is sent; refuses (404, 403) what the person may not watch. */
  private async filterFor(principal: Principal, query: UiLiveQuery): Promise<(change: ClaimChange) => boolean> {
    if (query.article && !query.workbench) {
      const article = await this.articles.get(principal, query.article);
      return (change) => change.articleId === article.id;
    }
    if (query.workbench && !query.article) {
      if (principal.role !== 'reviewer' || !principal.reviewerId)
        throw ApiError.forbidden('The workbench is for reviewers');
      const reviewerId = principal.reviewerId;
      // The claims in the reviewer's list, and those handed to them while the page is open; their own moves reload the page anyway.
      const held = new Set((await this.assignments.openClaimsOf(reviewerId)).map((claim) => claim.id));
      return (change) => {
        if (change.type === 'assigned' && change.reviewerId === reviewerId) held.add(change.claimId);
        return held.has(change.claimId) && change.actorUserId !== principal.userId;
      };
    }
    throw ApiError.validation({ article: ['give article=<id> or workbench=1'] });
  }

  private start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.changes.subscribe((change) => void this.fanOut(change));
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) stream.response.write(': still here\n\n');
    }, HEARTBEAT_MS).unref();
    this.recheck = setInterval(() => {
      for (const stream of this.streams) {
        this.refresh(stream);
        void this.stillValid(stream);
      }
    }, LIVE_RECHECK_MS).unref();
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.recheck) clearInterval(this.recheck);
    this.heartbeat = null;
    this.recheck = null;
  }

  /** Once per stream: its slot is given back and, with the last stream, the LISTEN subscription too. */
  private drop(stream: Stream): void {
    if (!this.streams.delete(stream)) return;
    const held = (this.heldBy.get(stream.holder) ?? 1) - 1;
    if (held > 0) this.heldBy.set(stream.holder, held);
    else this.heldBy.delete(stream.holder);
    void this.redis.client.zrem(this.keyOf(stream.holder), stream.id).catch(() => undefined);
    if (this.streams.size === 0) this.stop();
  }

  /** Whether the stream's credential still stands; a stream whose credential has ended is closed (a failed check too). */
  private async stillValid(stream: Stream): Promise<boolean> {
    const valid = await this.principals.stillValid(stream.credential, stream.principal).catch(() => false);
    if (!valid && this.streams.has(stream)) {
      this.drop(stream);
      stream.response.end();
    }
    return valid;
  }

  /** Builds the message once per change (only when a stream wants it) and sends it to each stream that does. */
  private async fanOut(change: ClaimChange): Promise<void> {
    const receivers = [...this.streams].filter((stream) => stream.wants(change));
    if (receivers.length === 0) return;
    const [message, valid] = await Promise.all([
      this.messageOf(receivers[0].principal, change).catch(() => null),
      Promise.all(receivers.map((stream) => this.stillValid(stream))),
    ]);
    if (!message) return;
    const frame = `event: claim\ndata: ${JSON.stringify(message)}\n\n`;
    receivers.forEach((stream, i) => {
      if (valid[i] && this.streams.has(stream)) stream.response.write(frame);
    });
  }

  private async messageOf(principal: Principal, change: ClaimChange): Promise<LiveMessage> {
    const [claim, people] = await Promise.all([
      this.claims.get(principal, change.claimId),
      this.people.directory([change.actorKeyId], [change.actorUserId]),
    ]);
    return {
      claimId: claim.id,
      articleId: claim.articleId,
      type: change.type,
      status: claim.status,
      text: statementOf(claim),
      actor: people.actor({
        actorKeyId: change.actorKeyId,
        actorUserId: change.actorUserId,
        actorRole: change.actorRole,
        reviewerId: change.reviewerId,
      }),
      reviewer: people.reviewer(claim.assigneeId),
    };
  }
}

function stoppingError(): ApiError {
  return new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'service_unavailable',
    'This process is stopping; the page reconnects to another',
  );
}
