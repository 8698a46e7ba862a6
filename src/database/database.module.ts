import { Global, Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Environment } from '../config/environment';
import { dataSourceOptions } from './data-source';
import { ChannelListenerRepository } from './channel-listener.repository';
import { DomainEvents } from './domain-events';
import { ReadDatabase } from './read-database';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        ...dataSourceOptions(
          config.get('DATABASE_URL', { infer: true }),
          config.get('DATABASE_POOL_SIZE', { infer: true }),
        ),
        autoLoadEntities: true,
        // Start even while Postgres is down; /health says so and requests answer 503 until it is back.
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [
    DomainEvents,
    ChannelListenerRepository,
    {
      provide: ReadDatabase,
      inject: [getDataSourceToken(), ConfigService],
      useFactory: (primary: DataSource, config: ConfigService<Environment, true>) =>
        new ReadDatabase(primary, config, new Logger(ReadDatabase.name)).connect(),
    },
  ],
  exports: [DomainEvents, ReadDatabase, ChannelListenerRepository],
})
export class DatabaseModule {}
