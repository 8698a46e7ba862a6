import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../articles/article.entity';
import { IsDay } from '../../common/timestamp';

/** A bulk action's count in a page's address: how many of the chosen claims it changed, of how many. */
export const BulkCount = () =>
  applyDecorators(
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(500),
  );

/** A form's empty field means "any". */
export const emptyIsUnset = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class UiArticlesQuery {
  @IsOptional()
  @Transform(emptyIsUnset)
  @IsIn(ARTICLE_STATUSES)
  status?: ArticleStatus;

  @IsOptional()
  @Transform(emptyIsUnset)
  @IsUUID()
  source?: string;

  @IsOptional()
  @Transform(emptyIsUnset)
  @IsDay()
  from?: string;

  @IsOptional()
  @Transform(emptyIsUnset)
  @IsDay()
  to?: string;

  @IsOptional()
  @IsString()
  cursor?: string;
}

export class UiClaimQuery {
  @IsOptional()
  @Transform(emptyIsUnset)
  @IsUUID()
  claim?: string;
}

/** What an editor's last action on the article page did (the page words it; nothing from the URL is shown). */
export const ARTICLE_NOTICES = [
  'posted',
  'revised',
  'unchanged',
  'added',
  'moved',
  'assigned',
  'unassigned',
  'claimant',
  'bulk',
  'due',
  'approved',
  'returned',
] as const;
export type ArticleNotice = (typeof ARTICLE_NOTICES)[number];

export class UiArticleQuery extends UiClaimQuery {
  @IsOptional()
  @IsIn(ARTICLE_NOTICES)
  notice?: ArticleNotice;

  /** After a bulk action: how many of the chosen claims it changed, of how many. */
  @BulkCount()
  done?: number;

  @BulkCount()
  of?: number;

  /** Which page of the article's claims (a cursor from the page's own link). */
  @IsOptional()
  @Transform(emptyIsUnset)
  @IsString()
  @MaxLength(500)
  claims?: string;
}

export class UiReviewQuery extends UiClaimQuery {
  @IsOptional()
  @IsUUID()
  moved?: string;

  @IsOptional()
  @IsUUID()
  released?: string;

  @IsOptional()
  @IsIn(['1'])
  noted?: string;

  @IsOptional()
  @IsIn(['1'])
  empty?: string;

  @IsOptional()
  @IsIn(['1'])
  undone?: string;
}

/** The workbench's Undo: the claim, and the version its verdict left it at. */
export class UiUndoQuery {
  @IsUUID()
  claim: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  version: number;
}

/** "Next claim" names the claim on screen, so the next one in the reviewer's list is another. */
export class UiNextClaimQuery {
  @IsOptional()
  @IsUUID()
  leaving?: string;
}

export class UiMatchDecisionQuery {
  @IsIn(['review', 'article'])
  back!: 'review' | 'article';
}
