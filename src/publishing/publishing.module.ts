import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { PublicFactChecksController } from './public-fact-checks.controller';
import { PublicFactChecksRepository } from './public-fact-checks.repository';
import { PublicFactChecksService } from './public-fact-checks.service';

@Module({
  imports: [SettingsModule],
  controllers: [PublicFactChecksController],
  providers: [PublicFactChecksRepository, PublicFactChecksService],
})
export class PublishingModule {}
