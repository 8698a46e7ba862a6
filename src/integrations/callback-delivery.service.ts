import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Dispatcher } from 'undici';
import { request } from 'undici';
import type { Environment } from '../config/environment';
import { returningRows } from '../database/sql';
import { afterCommit, inTransaction } from '../database/unit-of-work';
import { CallbackQueueService } from './callback-queue.service';
import { nextRetryDelayMs, type RetryPolicy } from './retry-schedule';
import { signWebhook } from './webhook-signature';
import { callbackAgent, RefusedDestinationError } from './callback-destination';

interface ClaimedDelivery {
  id: string;
  attempts: number;
  payload: unknown;
  url: string;
  secret: string;
  disabled_at: Date | null;
}

interface AttemptOutcome {
  responseStatus: number | null;
  error: string | null;
}

/** Late jobs are normal; early ones (clock skew between Redis and Postgres) by up to this much are too. */
const EARLY_TOLERANCE = '2 seconds';

/** Sends one attempt of one callback and records it; the delivery row decides whether and when there is another. */
@Injectable()
export class CallbackDeliveryService implements OnModuleDestroy {
  private readonly logger = new Logger(CallbackDeliveryService.name);
  private readonly agent: Dispatcher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly callbackQueue: CallbackQueueService,
    private readonly config: ConfigService<Environment, true>,
  ) {
    this.agent = callbackAgent({ allowPrivateNetworks: this.config.get('CALLBACK_ALLOW_PRIVATE_NETWORKS', { infer: true }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }

  async deliver(deliveryId: string): Promise<string> {
    const delivery = await this.claimAttempt(deliveryId);
    if (!delivery) return 'not due';
    if (delivery.disabled_at) {
      await this.dataSource.query(`UPDATE callback_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = 'endpoint disabled' WHERE id = $1`, [deliveryId]);
      return 'endpoint disabled';
    }

    const started = Date.now();
    const outcome = await this.send(delivery);
    const durationMs = Date.now() - started;
    const delivered = outcome.responseStatus !== null && outcome.responseStatus >= 200 && outcome.responseStatus < 300;
    const gone = outcome.responseStatus === 410;
    const retryInMs = delivered || gone ? null : nextRetryDelayMs(delivery.attempts, this.retryPolicy());
    const error = outcome.error ?? (delivered ? null : `HTTP ${outcome.responseStatus}`);

    const next = await inTransaction(this.dataSource, async (em) => {
      await em.query(`INSERT INTO callback_attempts (delivery_id, attempt, response_status, error, duration_ms) VALUES ($1, $2, $3, $4, $5)`, [
        deliveryId,
        delivery.attempts,
        outcome.responseStatus,
        error,
        durationMs,
      ]);
      if (gone) {
        // 410 Gone: the receiver asks us to stop, for this and every later delivery to the endpoint.
        const [endpoint] = await returningRows<{ id: string }>(em,
          `UPDATE callback_endpoints e SET disabled_at = now(), disabled_reason = 'the endpoint answered 410 Gone'
           FROM callback_deliveries d WHERE d.id = $1 AND e.id = d.endpoint_id RETURNING e.id`,
          [deliveryId],
        );
        await em.query(`UPDATE callback_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = $2 WHERE endpoint_id = $1 AND (status = 'pending' OR id = $3)`, [
          endpoint.id,
          'endpoint disabled: it answered 410 Gone',
          deliveryId,
        ]);
        return null;
      }
      const [row] = await returningRows<{ next_attempt_at: Date | null }>(em,
        `UPDATE callback_deliveries SET
           status = CASE WHEN $2 THEN 'delivered' WHEN $3::int IS NULL THEN 'failed' ELSE 'pending' END,
           delivered_at = CASE WHEN $2 THEN now() END,
           next_attempt_at = CASE WHEN $2 OR $3::int IS NULL THEN NULL ELSE now() + make_interval(secs => $3::int / 1000.0) END,
           last_error = $4
         WHERE id = $1 RETURNING next_attempt_at`,
        [deliveryId, delivered, retryInMs, error],
      );
      const nextAttemptAt = row.next_attempt_at;
      if (nextAttemptAt) afterCommit(em, () => this.callbackQueue.enqueue([{ id: deliveryId, nextAttemptAt }]));
      return nextAttemptAt;
    });

    if (!delivered) this.logger.warn(`Callback ${deliveryId} attempt ${delivery.attempts} failed (${error}); ${next ? `retrying at ${next.toISOString()}` : 'giving up'}`);
    return delivered ? 'delivered' : gone ? 'endpoint gone' : next ? 'retry scheduled' : 'given up';
  }

  /**
   * Takes the attempt if it is due: the due time moves past the send timeout, so a duplicate job skips it
   * and, should this worker die mid-send, the reconciler finds it due again afterwards.
   */
  private async claimAttempt(deliveryId: string): Promise<ClaimedDelivery | null> {
    const rows = await returningRows<ClaimedDelivery>(this.dataSource,
      `UPDATE callback_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2::int / 1000.0)
       FROM callback_endpoints e
       WHERE d.id = $1 AND e.id = d.endpoint_id AND d.status = 'pending' AND d.next_attempt_at <= now() + interval '${EARLY_TOLERANCE}'
       RETURNING d.id, d.attempts, d.payload, e.url, e.secret, e.disabled_at`,
      [deliveryId, 2 * this.config.get('CALLBACK_TIMEOUT_MS', { infer: true })],
    );
    return rows[0] ?? null;
  }

  /** undici's request follows no redirect: a 3xx is a failed attempt, never a hop to an address nobody checked. */
  private async send(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    const body = JSON.stringify(delivery.payload);
    try {
      const response = await request(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'claimdesk-callbacks', ...signWebhook(delivery.secret, delivery.id, body) },
        body,
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.config.get('CALLBACK_TIMEOUT_MS', { infer: true })),
      });
      await response.body.dump();
      return { responseStatus: response.statusCode, error: null };
    } catch (error) {
      if (error instanceof RefusedDestinationError) return { responseStatus: null, error: error.message };
      const cause = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      return { responseStatus: null, error: `${(error as Error).name}: ${(error as Error).message}${cause ? ` (${cause})` : ''}`.slice(0, 500) };
    }
  }

  private retryPolicy(): RetryPolicy {
    return {
      baseMs: this.config.get('CALLBACK_RETRY_BASE_MS', { infer: true }),
      maxDelayMs: this.config.get('CALLBACK_MAX_DELAY_MS', { infer: true }),
      maxAttempts: this.config.get('CALLBACK_MAX_ATTEMPTS', { infer: true }),
    };
  }
}
