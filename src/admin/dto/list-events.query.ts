import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsTimestamp } from '../../common/timestamp';

export class ListEventsQuery extends PageQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Only events at or after this instant' })
  @IsOptional()
  @IsTimestamp()
  since?: Date;

  @ApiPropertyOptional({ description: 'The API key id that acted, or "system"' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @Matches(/^(system|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'actor must be a key id or system',
  })
  actor?: string;

  @ApiPropertyOptional({ description: 'The person who acted (signed in, or holding the key)' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: 'One claim’s events (admin actions are left out)' })
  @IsOptional()
  @IsUUID()
  claimId?: string;
}
