import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordAuditEvent } from '../audit/audit.repository';
import { ApiKeysService } from '../auth/api-keys.service';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { IntegratorsRepository, type Integrator } from './integrators.repository';
import { generateWebhookSecret } from './webhook-signature';

export interface NewIntegrator extends Integrator {
  apiKey: string;
  webhookSecret: string;
}

/** Integrators: an API key to call with, and webhook secrets to sign inbound webhooks with. */
@Injectable()
export class IntegratorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly integrators: IntegratorsRepository,
    private readonly apiKeys: ApiKeysService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** The key and the secret are in this answer only. */
  create(name: string, actor: Principal | null): Promise<NewIntegrator> {
    return this.dataSource.transaction(async (em) => {
      const integrator = await this.integrators.insert(em, name);
      const webhookSecret = generateWebhookSecret();
      await this.integrators.addSecret(em, integrator.id, webhookSecret);
      await recordAuditEvent(em, {
        action: 'integrator.created',
        actor,
        targetType: 'integrator',
        targetId: integrator.id,
        details: { name },
      });
      const { key } = await this.apiKeys.create(
        { name: `integrator ${name}`, role: 'integrator', integratorId: integrator.id },
        actor,
        em,
      );
      return { ...integrator, apiKey: key, webhookSecret };
    });
  }

  list(): Promise<Integrator[]> {
    return this.integrators.list();
  }

  async get(integratorId: string): Promise<Integrator> {
    const integrator = await this.integrators.find(integratorId);
    if (!integrator) throw ApiError.notFound('Integrator', integratorId);
    return integrator;
  }

  /** A new secret; the ones before it keep working for SECRET_ROTATION_OVERLAP_SECONDS, so senders can switch without a gap. */
  rotateSecret(
    integratorId: string,
    actor: Principal,
  ): Promise<{ id: string; webhookSecret: string; previousSecretsExpireAt: Date }> {
    const overlap = this.config.get('SECRET_ROTATION_OVERLAP_SECONDS', { infer: true });
    return this.dataSource.transaction(async (em) => {
      if (!(await this.integrators.lock(em, integratorId))) throw ApiError.notFound('Integrator', integratorId);
      const previousSecretsExpireAt = await this.integrators.endSecretsAfter(em, integratorId, overlap);
      const webhookSecret = generateWebhookSecret();
      await this.integrators.addSecret(em, integratorId, webhookSecret);
      await recordAuditEvent(em, {
        action: 'integrator.secret_rotated',
        actor,
        targetType: 'integrator',
        targetId: integratorId,
        details: { previousSecretsExpireAt },
      });
      return { id: integratorId, webhookSecret, previousSecretsExpireAt };
    });
  }

  /** The secrets a webhook may be signed with now, newest first; none for an unknown integrator. */
  activeSecrets(integratorId: string): Promise<{ name: string; secrets: string[] } | null> {
    return this.integrators.activeSecrets(integratorId);
  }
}
