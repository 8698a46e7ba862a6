import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { HasVisibleText } from '../../common/text-rules';
import type { CommentRow } from '../comments.repository';

/** A comment's length cap: a conversation, not a document. */
export const COMMENT_MAX_LENGTH = 5000;

export class CreateCommentDto {
  @ApiProperty({ maxLength: COMMENT_MAX_LENGTH })
  @IsString()
  @HasVisibleText()
  @MaxLength(COMMENT_MAX_LENGTH)
  body: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    description: 'People to notify: each must be an active person',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mentions?: string[];
}

export class EditCommentDto {
  @ApiProperty({ maxLength: COMMENT_MAX_LENGTH })
  @IsString()
  @HasVisibleText()
  @MaxLength(COMMENT_MAX_LENGTH)
  body: string;
}

export class CommentAuthor {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The person; null when a key without one wrote it',
  })
  userId: string | null;

  @ApiProperty()
  name: string;
}

export class MentionedPerson {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  name: string;
}

export class CommentRevision {
  @ApiProperty({ description: 'The earlier text' })
  body: string;

  @ApiProperty({ description: 'When that text was written' })
  writtenAt: Date;

  @ApiProperty({ description: 'When an edit replaced it' })
  replacedAt: Date;
}

export class CommentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  claimId: string;

  @ApiProperty({ type: CommentAuthor })
  author: CommentAuthor;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: [MentionedPerson] })
  mentions: MentionedPerson[];

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true, description: 'The last edit; null if never edited' })
  editedAt: Date | null;

  @ApiProperty({ type: [CommentRevision], description: 'Earlier texts, oldest first (comments are never deleted)' })
  revisions: CommentRevision[];
}

export function toCommentResponse(row: CommentRow): CommentResponse {
  return {
    id: row.id,
    claimId: row.claimId,
    author: { userId: row.authorUserId, name: row.authorName },
    body: row.body,
    mentions: row.mentions,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    revisions: row.revisions,
  };
}

export class MentionablePerson {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  role: string;
}
