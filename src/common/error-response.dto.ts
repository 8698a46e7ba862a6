import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorCode } from './api-error';

const ERROR_CODES: ErrorCode[] = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'stale_version',
  'illegal_transition',
  'evidence_required',
  'payload_too_large',
  'unsupported_charset',
  'rate_limited',
  'idempotency_conflict',
  'idempotency_in_flight',
  'service_unavailable',
  'internal_error',
];

/** The one error shape, for the OpenAPI document. */
export class ErrorResponseDto {
  @ApiProperty({ example: 403 })
  statusCode: number;

  @ApiProperty({ enum: ERROR_CODES })
  code: ErrorCode;

  @ApiProperty()
  message: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'validation_failed: field → messages; others: see the code' })
  details?: Record<string, unknown>;
}
