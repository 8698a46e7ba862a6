import { HttpStatus, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ArticlesQueryService } from '../articles/articles-query.service';
import type { Principal } from '../auth/principal';
import { ClaimChangesRepository, type ClaimChange } from '../claims/claim-changes.repository';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { ApiError } from '../common/api-error';
import { AssignmentService } from '../review/assignment.service';
import type { UiLiveQuery } from './dto/ui-live.query';
import { PeopleService } from './people.service';

/** What a page is told of a change: enough to recolour the claim and say who did what. */
export interface LiveMessage {
  claimId: string;
  articleId: string;
  type: ClaimChange['type'];
  status: ClaimChange['toStatus'];
  text: string;
  actor: string;
  reviewer: string | null;
}

interface Stream {
  principal: Principal;
  wants: (change: ClaimChange) => boolean;
  response: Response;
}

/** A comment line every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events for the article page and the workbench. One Postgres LISTEN per process feeds every open stream of
 * that process; each stream is checked once, at opening, for what its person may see, and is sent only that.
 */
@Injectable()
export class LiveUpdatesService implements OnModuleDestroy {
  private readonly streams = new Set<Stream>();
  private stopping = false;
  private unsubscribe: (() => void) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly changes: ClaimChangesRepository,
    private readonly articles: ArticlesQueryService,
    private readonly claims: ClaimsQueryService,
    private readonly assignments: AssignmentService,
    private readonly people: PeopleService,
  ) {}

  async open(principal: Principal, query: UiLiveQuery, request: Request, response: Response): Promise<void> {
    if (this.stopping)
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'service_unavailable',
        'This process is stopping; the page reconnects to another',
      );
    const wants = await this.filterFor(principal, query);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    });
    // After a lost connection the browser retries in 5 s (EventSource reconnects by itself).
    response.write('retry: 5000\n\n');
    const stream: Stream = { principal, wants, response };
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
    for (const { response } of this.streams) {
      response.end();
      response.socket?.end();
    }
    this.streams.clear();
    this.stop();
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
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private drop(stream: Stream): void {
    this.streams.delete(stream);
    if (this.streams.size === 0) this.stop();
  }

  /** Builds the message once per change (only when a stream wants it) and sends it to each stream that does. */
  private async fanOut(change: ClaimChange): Promise<void> {
    const receivers = [...this.streams].filter((stream) => stream.wants(change));
    if (receivers.length === 0) return;
    const message = await this.messageOf(receivers[0].principal, change).catch(() => null);
    if (!message) return;
    const frame = `event: claim\ndata: ${JSON.stringify(message)}\n\n`;
    for (const stream of receivers) if (this.streams.has(stream)) stream.response.write(frame);
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
      text: claim.text,
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
