import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { ARTICLE_STATUSES, type ArticleStatus } from '../article.entity';

export class ListArticlesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES }) @IsOptional() @IsIn(ARTICLE_STATUSES)
  status?: ArticleStatus;

  @ApiPropertyOptional({ description: 'Who posted it: an integrator id, or the id of the key that posted it' }) @IsOptional() @IsUUID()
  source?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Posted at or after' }) @IsOptional() @Type(() => Date) @IsDate()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Posted before' }) @IsOptional() @Type(() => Date) @IsDate()
  to?: Date;
}
