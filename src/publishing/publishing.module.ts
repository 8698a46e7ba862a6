import { Module } from '@nestjs/common';
import { PublicFactChecksController } from './public-fact-checks.controller';
import { PublicFactChecksRepository } from './public-fact-checks.repository';
import { PublicFactChecksService } from './public-fact-checks.service';

@Module({
  controllers: [PublicFactChecksController],
  providers: [PublicFactChecksRepository, PublicFactChecksService],
})
export class PublishingModule {}
