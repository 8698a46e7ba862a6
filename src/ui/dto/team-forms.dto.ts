import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CreateCommentDto } from '../../comments/dto/comment.dto';
import { MAIL_DELIVERIES, type MailDelivery } from '../../notifications/notification-kinds';
import { CsrfToken } from './editor-forms.dto';

const idList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean)
    : value;

/** The thread's form: the comment, the ids the @ completion chose (comma-separated), and the page to go back to. */
export class CommentForm extends CreateCommentDto {
  @CsrfToken()
  _csrf?: string;

  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n') : value))
  declare body: string;

  @Transform(idList)
  declare mentions?: string[];

  /** A page of the desk (the article page or the workbench); anything else goes back to the notifications page. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(/^\/ui\/[^/\\]/)
  returnTo?: string;
}

export class MarkReadForm {
  @CsrfToken()
  _csrf?: string;

  @Transform(({ value }) => (typeof value === 'string' ? idList({ value }) : value))
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids: string[];
}

const delivery = () => (target: object, property: string) => {
  IsOptional()(target, property);
  IsIn(MAIL_DELIVERIES)(target, property);
};

export class PreferencesForm {
  @CsrfToken()
  _csrf?: string;

  @delivery() assigned?: MailDelivery;
  @delivery() mentioned?: MailDelivery;
  @delivery() second_opinion_requested?: MailDelivery;
  @delivery() returned?: MailDelivery;
  @delivery() lease_expiring?: MailDelivery;
  @delivery() due_soon?: MailDelivery;

  @Transform(({ value }) => (value === '' || value === undefined ? undefined : Number(value)))
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour?: number;
}

export class MentionableQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
