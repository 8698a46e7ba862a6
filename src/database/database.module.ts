import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Environment } from '../config/environment';
import { dataSourceOptions } from './data-source';
import { DomainEvents } from './domain-events';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        ...dataSourceOptions(config.get('DATABASE_URL', { infer: true }), config.get('DATABASE_POOL_SIZE', { infer: true })),
        autoLoadEntities: true,
        // Start even while Postgres is down; /health says so and requests answer 503 until it is back.
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [DomainEvents],
  exports: [DomainEvents],
})
export class DatabaseModule {}
