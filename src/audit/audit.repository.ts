import type { EntityManager } from 'typeorm';

export type AuditAction =
  | 'key.created'
  | 'key.revoked'
  | 'reviewer.created'
  | 'reviewer.updated'
  | 'user.created'
  | 'user.updated'
  | 'user.reset'
  | 'user.two_factor_reset'
  | 'integrator.created'
  | 'integrator.secret_rotated'
  | 'endpoint.created'
  | 'endpoint.secret_rotated'
  | 'endpoint.disabled'
  | 'match.confirmed'
  | 'match.rejected'
  | 'settings.updated'
  | 'claim.approved'
  | 'claim.returned'
  | 'claims.bulk'
  | 'article.due_at_changed'
  | 'view.created'
  | 'view.deleted';

/** Who acted, as the audit log records it (an authenticated principal satisfies it). */
export interface AuditActor {
  keyId: string | null;
  userId?: string | null;
  role: string;
}

export interface AuditEntry {
  action: AuditAction;
  /** null: the service itself (the demo, a bootstrap). */
  actor: AuditActor | null;
  targetType:
    | 'key'
    | 'reviewer'
    | 'user'
    | 'integrator'
    | 'endpoint'
    | 'match'
    | 'settings'
    | 'claim'
    | 'claims'
    | 'article'
    | 'comment'
    | 'view';
  targetId: string;
  details?: Record<string, unknown>;
}

/** Records an admin action (or a decision the desk must be able to trace) in `audit_events`; call inside the transaction that makes the change, as claim history does. */
export async function recordAuditEvent(em: EntityManager, entry: AuditEntry): Promise<void> {
  await em.query(
    `INSERT INTO audit_events (action, actor_key_id, actor_role, target_type, target_id, details, actor_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.action,
      entry.actor?.keyId ?? null,
      entry.actor?.role ?? 'system',
      entry.targetType,
      entry.targetId,
      JSON.stringify(entry.details ?? {}),
      entry.actor?.userId ?? null,
    ],
  );
}
