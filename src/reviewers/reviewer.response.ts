import { ApiProperty } from '@nestjs/swagger';
import type { ReviewerEntity } from './reviewer.entity';

export class ReviewerResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ type: [String], description: 'ISO 639-1 codes' })
  languages: string[];

  @ApiProperty({ type: [String] })
  topics: string[];

  @ApiProperty({ description: 'Open claims at most' })
  capacity: number;

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  openClaims: number;

  @ApiProperty({ type: Date, nullable: true })
  lastAssignedAt: Date | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export function toReviewerResponse(reviewer: ReviewerEntity): ReviewerResponse {
  return {
    id: reviewer.id,
    name: reviewer.name,
    email: reviewer.email,
    languages: reviewer.languages,
    topics: reviewer.topics,
    capacity: reviewer.capacity,
    active: reviewer.active,
    openClaims: reviewer.openClaims ?? 0,
    lastAssignedAt: reviewer.lastAssignedAt,
    createdAt: reviewer.createdAt,
    updatedAt: reviewer.updatedAt,
  };
}
