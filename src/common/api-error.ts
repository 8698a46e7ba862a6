import { HttpException, HttpStatus } from '@nestjs/common';

export const ERROR_CODES = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'stale_version',
  'illegal_transition',
  'evidence_required',
  'nothing_to_undo',
  'undo_expired',
  'payload_too_large',
  'article_too_long',
  'unsupported_charset',
  'rate_limited',
  'idempotency_conflict',
  'idempotency_in_flight',
  'link_expired',
  'no_person',
  'invalid_tag',
  'tag_too_long',
  'too_many_tags',
  'service_unavailable',
  'internal_error',
  'invalid_rating_scale',
  'invalid_rating_key',
  'duplicate_rating_key',
  'invalid_rating_value',
  'rating_required',
  'public_note_required',
  'public_note_not_allowed',
  'unknown_rating',
  'rating_not_allowed',
  'own_verdict',
  'not_pending',
  'approval_pending',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An HTTP error with a stable `code` clients can branch on. */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super({ statusCode: status, code, message, ...(details ? { details } : {}) }, status);
  }

  static notFound(what: string, id: string): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, 'not_found', `${what} ${id} not found`);
  }

  static forbidden(message = 'Your role may not do this'): ApiError {
    return new ApiError(HttpStatus.FORBIDDEN, 'forbidden', message);
  }

  static validation(details: Record<string, string[]>, message = 'The request is invalid'): ApiError {
    return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', message, details);
  }
}
