import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, IsISO8601, MaxLength } from 'class-validator';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../articles/article.entity';

/** A form's empty field means "any". */
const emptyIsUnset = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class UiArticlesQuery {
  @IsOptional() @Transform(emptyIsUnset) @IsIn(ARTICLE_STATUSES)
  status?: ArticleStatus;

  @IsOptional() @Transform(emptyIsUnset) @IsUUID()
  source?: string;

  @IsOptional() @Transform(emptyIsUnset) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'from must be a date that exists' })
  from?: string;

  @IsOptional() @Transform(emptyIsUnset) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'to must be a date that exists' })
  to?: string;

  @IsOptional() @IsString()
  cursor?: string;
}

export class UiClaimQuery {
  @IsOptional() @Transform(emptyIsUnset) @IsUUID()
  claim?: string;
}

export class UiArticleQuery extends UiClaimQuery {
  /** Which page of the article's claims (a cursor from the page's own link). */
  @IsOptional() @Transform(emptyIsUnset) @IsString() @MaxLength(500)
  claims?: string;
}

export class UiReviewQuery extends UiClaimQuery {
  @IsOptional() @IsUUID()
  moved?: string;

  @IsOptional() @IsUUID()
  released?: string;

  @IsOptional() @IsIn(['1'])
  noted?: string;

  @IsOptional() @IsIn(['1'])
  empty?: string;
}
