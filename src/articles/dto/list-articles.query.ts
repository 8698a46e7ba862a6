import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { ARTICLE_STATUSES, type ArticleStatus } from '../article.entity';

export class ListArticlesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES }) @IsOptional() @IsIn(ARTICLE_STATUSES)
  status?: ArticleStatus;
}
