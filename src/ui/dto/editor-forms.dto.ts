import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { CLAIMANT_KINDS, type ClaimantKind } from '../../claims/claimant-kind';
import { CreateArticleDto } from '../../articles/dto/create-article.dto';
import { TransitionClaimDto } from '../../claims/dto/transition-claim.dto';
import { emptyIsUnset } from './ui-articles.query';
import { HasVisibleText } from '../../common/text-rules';

/** Every page form carries the session's CSRF token (checked by the guard); the pipe must let the field through. */
export const CsrfToken = () => (target: object, property: string) => {
  IsOptional()(target, property);
  IsString()(target, property);
  MaxLength(200)(target, property);
};

/** An optional number field: empty is unset (Type(() => Number) would read it as 0). */
const optionalNumber = ({ value }: { value: unknown }) =>
  value === '' || value === undefined ? undefined : Number(value);

const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((topic) => topic.trim())
        .filter(Boolean)
    : value;

/** Post article and Post revision: the API's article fields, as a plain form sends them (empty means unset, topics comma-separated, line breaks as typed). */
export class ArticleForm extends CreateArticleDto {
  /** A browser sends a textarea's line breaks as CRLF; the body keeps the ones the editor typed. */
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n') : value))
  declare body: string;

  @Transform(emptyIsUnset)
  declare url?: string;

  @Transform(emptyIsUnset)
  declare language?: string;

  @Transform(commaList)
  declare topics?: string[];

  @CsrfToken()
  _csrf?: string;
}

/** Add as claim: the passage's text, and the selection's offsets when the page's script could read them. */
export class AddClaimForm {
  @IsString()
  @MaxLength(10_000)
  passage: string;

  @IsOptional()
  @Transform(optionalNumber)
  @IsInt()
  @Min(0)
  start?: number;

  @IsOptional()
  @Transform(optionalNumber)
  @IsInt()
  @Min(1)
  end?: number;

  @CsrfToken()
  _csrf?: string;
}

/** A move with its note, one source in plain fields (url, title, quote), and the version the editor saw. */
export class MoveClaimForm extends TransitionClaimDto {
  @Type(() => Number)
  declare expectedVersion?: number;

  @Transform(emptyIsUnset)
  declare note?: string;

  @Transform(emptyIsUnset)
  declare publicNote?: string;

  @Transform(emptyIsUnset)
  declare rating?: string;

  @IsOptional()
  @Transform(emptyIsUnset)
  @IsString()
  @MaxLength(2000)
  url?: string;

  @IsOptional()
  @Transform(emptyIsUnset)
  @IsString()
  @MaxLength(500)
  title?: string;

  @IsOptional()
  @Transform(emptyIsUnset)
  @IsString()
  @MaxLength(5000)
  quote?: string;

  @CsrfToken()
  _csrf?: string;
}

export class AssignClaimForm {
  @IsUUID()
  reviewerId: string;

  @CsrfToken()
  _csrf?: string;
}

/** The claim panel's claimant correction: an empty name is the article itself, an empty kind "as the name reads". */
export class ClaimantForm {
  @IsString()
  @MaxLength(200)
  claimant: string;

  @IsIn(['', ...CLAIMANT_KINDS])
  kind: '' | ClaimantKind;

  @CsrfToken()
  _csrf?: string;
}

/** The action bar over a list of claims (the article page, search results): the API's bulk action, as a form sends it. */
export class BulkClaimsForm {
  /** One checked box sends a string, several an array. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === undefined ? [] : [value].flat()))
  @IsString({ each: true })
  ids?: string[];

  @IsString()
  @MaxLength(20)
  action: string;

  @IsOptional()
  @Transform(emptyIsUnset)
  @IsString()
  @MaxLength(100)
  reviewerId?: string;

  @IsOptional()
  @Transform(emptyIsUnset)
  @IsString()
  @MaxLength(10_000)
  note?: string;

  /** Comma-separated. */
  @IsOptional()
  @Transform(emptyIsUnset)
  @IsString()
  @MaxLength(2000)
  tags?: string;

  /** The page to go back to: one of the desk's own pages. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  back?: string;

  @CsrfToken()
  _csrf?: string;
}

/** Save the search page's filters as a view: its name, and the filters as the page's form sends them. */
export class SaveViewForm {
  @IsString()
  @HasVisibleText()
  @MaxLength(100)
  name: string;

  @IsOptional() @IsString() @MaxLength(500) q?: string;
  @IsOptional() @IsString() @MaxLength(20) kind?: string;
  @IsOptional() @IsString() @MaxLength(20) status?: string;
  @IsOptional() @IsString() @MaxLength(200) claimant?: string;
  @IsOptional() @IsString() @MaxLength(20) from?: string;
  @IsOptional() @IsString() @MaxLength(20) to?: string;
  @IsOptional() @IsString() @MaxLength(100) tag?: string;

  @CsrfToken()
  _csrf?: string;
}

/** The article page's due date: a `datetime-local` value in the reader's zone, or Clear. */
export class DueDateForm {
  @CsrfToken()
  _csrf?: string;

  @IsOptional() @IsString() @MaxLength(40) dueAt?: string;
  @IsOptional() @IsIn(['1']) clear?: string;
}
