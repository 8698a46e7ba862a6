import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule, type BullBoardModuleOptions } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuthModule } from '../auth/auth.module';
import { PrincipalResolver } from '../auth/principal-resolver';
import { FailedAuthLimiter } from '../auth/rate-limit';
import type { Environment } from '../config/environment';
import { ALL_QUEUES } from '../queue/queue-names';
import { queueDashboardAuth } from './queue-dashboard-auth';

const QUEUE_DASHBOARD_PATH = '/admin/queues/ui';

/** bull-board over every queue, at /admin/queues/ui (admin only); the api process only. */
@Module({
  imports: [
    BullBoardModule.forRootAsync({
      imports: [AuthModule],
      inject: [PrincipalResolver, FailedAuthLimiter, ConfigService],
      useFactory: (
        principals: PrincipalResolver,
        failedAuth: FailedAuthLimiter,
        config: ConfigService<Environment, true>,
      ) => ({
        route: QUEUE_DASHBOARD_PATH,
        // @bull-board/express 9.10.1 pins its own @bull-board/api, whose types differ from 9.10.2's only nominally.
        adapter: ExpressAdapter as unknown as BullBoardModuleOptions['adapter'],
        middleware: queueDashboardAuth(principals, failedAuth, config.get('PUBLIC_URL', { infer: true })),
        boardOptions: {
          uiConfig: { boardTitle: 'claimdesk queues', miscLinks: [{ text: 'Back to the desk', url: '/ui' }] },
        },
      }),
    }),
    BullBoardModule.forFeature(...ALL_QUEUES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueDashboardModule {}
