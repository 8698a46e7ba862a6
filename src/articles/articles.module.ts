import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticleRevisionEntity } from './article-revision.entity';
import { ArticleEntity } from './article.entity';
import { ArticlesQueryService } from './articles-query.service';
import { ArticlesRepository } from './articles.repository';
import { ArticlesService } from './articles.service';

@Module({
  imports: [TypeOrmModule.forFeature([ArticleEntity, ArticleRevisionEntity])],
  providers: [ArticlesRepository, ArticlesService, ArticlesQueryService],
  exports: [ArticlesRepository, ArticlesService, ArticlesQueryService],
})
export class ArticlesModule {}
