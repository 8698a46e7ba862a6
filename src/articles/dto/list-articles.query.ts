import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsTimestamp } from '../../common/timestamp';
import { ARTICLE_STATUSES, type ArticleStatus } from '../article.entity';

export class ListArticlesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES })
  @IsOptional()
  @IsIn(ARTICLE_STATUSES)
  status?: ArticleStatus;

  @ApiPropertyOptional({ description: 'Who posted it: an integrator id, or the id of the key that posted it' })
  @IsOptional()
  @IsUUID()
  source?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Posted at or after' })
  @IsOptional()
  @IsTimestamp()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Posted before' })
  @IsOptional()
  @IsTimestamp()
  to?: Date;
}
