import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../database/sql';

export interface Integrator {
  id: string;
  name: string;
  createdAt: Date;
}

const INTEGRATOR_COLUMNS = `id, name, created_at AS "createdAt"`;

/** The `integrators` and `integrator_secrets` tables: who integrates, and the secrets their webhooks are signed with. */
@Injectable()
export class IntegratorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(em: EntityManager, name: string): Promise<Integrator> {
    const [integrator]: Integrator[] = await em.query(
      `INSERT INTO integrators (name) VALUES ($1) RETURNING ${INTEGRATOR_COLUMNS}`,
      [name],
    );
    return integrator;
  }

  list(): Promise<Integrator[]> {
    return this.dataSource.query(`SELECT ${INTEGRATOR_COLUMNS} FROM integrators ORDER BY created_at DESC, id DESC`);
  }

  async find(integratorId: string): Promise<Integrator | null> {
    const [integrator]: Integrator[] = await this.dataSource.query(
      `SELECT ${INTEGRATOR_COLUMNS} FROM integrators WHERE id = $1`,
      [integratorId],
    );
    return integrator ?? null;
  }

  /** Locks the integrator's row for the rest of the transaction; false when there is none. */
  async lock(em: EntityManager, integratorId: string): Promise<boolean> {
    const found: unknown[] = await em.query(`SELECT id FROM integrators WHERE id = $1 FOR UPDATE`, [integratorId]);
    return found.length > 0;
  }

  async addSecret(em: EntityManager, integratorId: string, secret: string): Promise<void> {
    await em.query(`INSERT INTO integrator_secrets (integrator_id, secret) VALUES ($1, $2)`, [integratorId, secret]);
  }

  /** The live secrets expire in `overlapSeconds` (or sooner, if they already would); returns that instant. */
  async endSecretsAfter(em: EntityManager, integratorId: string, overlapSeconds: number): Promise<Date> {
    const [{ expires_at }] = await returningRows<{ expires_at: Date }>(
      em,
      `WITH ended AS (
         UPDATE integrator_secrets SET expires_at = least(coalesce(expires_at, 'infinity'), now() + make_interval(secs => $2))
         WHERE integrator_id = $1 AND (expires_at IS NULL OR expires_at > now()) RETURNING 1
       ) SELECT now() + make_interval(secs => $2) AS expires_at`,
      [integratorId, overlapSeconds],
    );
    return expires_at;
  }

  /** The integrator's name and live secrets, newest first; null for an unknown integrator. */
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
