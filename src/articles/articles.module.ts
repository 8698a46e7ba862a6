import { Module } from '@nestjs/common';
import { ExtractionModule } from '../extraction/extraction.module';
import { ArticlesController } from './articles.controller';
import { ArticlesQueryService } from './articles-query.service';
import { ArticlesService } from './articles.service';

@Module({
  imports: [ExtractionModule],
  controllers: [ArticlesController],
  providers: [ArticlesService, ArticlesQueryService],
  exports: [ArticlesService, ArticlesQueryService],
})
export class ArticlesModule {}
