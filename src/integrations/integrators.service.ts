import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '../auth/api-keys.service';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { returningRows } from '../database/sql';
import { generateWebhookSecret } from './webhook-signature';

export interface Integrator {
  id: string;
  name: string;
  createdAt: Date;
}

export interface NewIntegrator extends Integrator {
  apiKey: string;
  webhookSecret: string;
}

/** Integrators: an API key to call with, and webhook secrets to sign inbound webhooks with. */
@Injectable()
export class IntegratorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly apiKeys: ApiKeysService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** The key and the secret are in this answer only. */
  create(name: string, actor: Principal | null): Promise<NewIntegrator> {
    return this.dataSource.transaction(async (em) => {
      const [integrator]: Integrator[] = await em.query(
        `INSERT INTO integrators (name) VALUES ($1) RETURNING id, name, created_at AS "createdAt"`,
        [name],
      );
      const webhookSecret = generateWebhookSecret();
      await em.query(`INSERT INTO integrator_secrets (integrator_id, secret) VALUES ($1, $2)`, [integrator.id, webhookSecret]);
      const { key } = await this.apiKeys.create({ name: `integrator ${name}`, role: 'integrator', integratorId: integrator.id }, actor, em);
      return { ...integrator, apiKey: key, webhookSecret };
    });
  }

  list(): Promise<Integrator[]> {
    return this.dataSource.query(`SELECT id, name, created_at AS "createdAt" FROM integrators ORDER BY created_at DESC, id DESC`);
  }

  /** A new secret; the ones before it keep working for SECRET_ROTATION_OVERLAP_SECONDS, so senders can switch without a gap. */
  rotateSecret(integratorId: string): Promise<{ id: string; webhookSecret: string; previousSecretsExpireAt: Date }> {
    const overlap = this.config.get('SECRET_ROTATION_OVERLAP_SECONDS', { infer: true });
    return this.dataSource.transaction(async (em) => {
      const found = await em.query(`SELECT id FROM integrators WHERE id = $1 FOR UPDATE`, [integratorId]);
      if (found.length === 0) throw ApiError.notFound('Integrator', integratorId);
      const [{ expires_at }] = await returningRows<{ expires_at: Date }>(em,
        `WITH ended AS (
           UPDATE integrator_secrets SET expires_at = least(coalesce(expires_at, 'infinity'), now() + make_interval(secs => $2))
           WHERE integrator_id = $1 AND (expires_at IS NULL OR expires_at > now()) RETURNING 1
         ) SELECT now() + make_interval(secs => $2) AS expires_at`,
        [integratorId, overlap],
      );
      const webhookSecret = generateWebhookSecret();
      await em.query(`INSERT INTO integrator_secrets (integrator_id, secret) VALUES ($1, $2)`, [integratorId, webhookSecret]);
      return { id: integratorId, webhookSecret, previousSecretsExpireAt: expires_at };
    });
  }

  /** The secrets a webhook may be signed with now, newest first; none for an unknown integrator. */
  async activeSecrets(integratorId: string): Promise<{ name: string; secrets: string[] } | null> {
    const rows: { name: string; secret: string | null }[] = await this.dataSource.query(
      `SELECT i.name, s.secret FROM integrators i
       LEFT JOIN integrator_secrets s ON s.integrator_id = i.id AND (s.expires_at IS NULL OR s.expires_at > now())
       WHERE i.id = $1 ORDER BY s.created_at DESC`,
      [integratorId],
    );
    if (rows.length === 0) return null;
    return { name: rows[0].name, secrets: rows.flatMap((r) => (r.secret ? [r.secret] : [])) };
  }
}
