import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { ArticlesModule } from '../articles/articles.module';
import { AuthModule } from '../auth/auth.module';
import { ClaimsModule } from '../claims/claims.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { CallbackEndpointsController } from './callback-endpoints.controller';
import { CallbackEndpointsRepository } from './callback-endpoints.repository';
import { CallbackEndpointsService } from './callback-endpoints.service';
import { ClaimReviewController } from './claim-review.controller';
import { ClaimReviewRepository } from './claim-review.repository';
import { ClaimReviewService } from './claim-review.service';
import { IntegratorsController } from './integrators.controller';
import { IntegratorsRepository } from './integrators.repository';
import { IntegratorsService } from './integrators.service';
import { WebhookSignatureGuard } from './webhook-signature.guard';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** The api side of integrations; callbacks are written through the global CallbackOutboxModule and sent by the worker. */
@Module({
  imports: [AuthModule, ArticlesModule, ClaimsModule, IdempotencyModule, SettingsModule],
  controllers: [IntegratorsController, WebhooksController, CallbackEndpointsController, ClaimReviewController],
  providers: [
    IntegratorsRepository,
    IntegratorsService,
    WebhooksService,
    WebhookSignatureGuard,
    CallbackEndpointsRepository,
    CallbackEndpointsService,
    ClaimReviewRepository,
    ClaimReviewService,
  ],
  exports: [IntegratorsService, CallbackEndpointsService],
})
export class IntegrationsModule {}
