import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticleRevisionEntity } from './article-revision.entity';
import { ArticleEntity } from './article.entity';
import { ExtractionModule } from '../extraction/extraction.module';
import { ArticlesController } from './articles.controller';
import { ArticlesQueryService } from './articles-query.service';
import { ArticlesService } from './articles.service';

@Module({
  imports: [TypeOrmModule.forFeature([ArticleEntity, ArticleRevisionEntity]), ExtractionModule],
  controllers: [ArticlesController],
  providers: [ArticlesService, ArticlesQueryService],
  exports: [ArticlesService, ArticlesQueryService],
})
export class ArticlesModule {}
