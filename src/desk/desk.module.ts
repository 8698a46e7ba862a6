import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { ClaimsModule } from '../claims/claims.module';
import { ExtractionModule } from '../extraction/extraction.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ArticlesController } from './articles.controller';

/** The articles API: it answers with an article's claims and adds claims by hand, so it sits above articles, claims and extraction. */
@Module({
  imports: [ArticlesModule, ClaimsModule, ExtractionModule, IdempotencyModule],
  controllers: [ArticlesController],
})
export class DeskModule {}
