import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError } from './api-error';
import { refusedNullPaths } from './nullable';

/** Field path → messages, as `validation_failed` details name them. */
export function validationDetails(errors: ValidationError[]): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  collect(errors, '', details);
  return details;
}

function collect(errors: ValidationError[], parent: string, into: Record<string, string[]>): void {
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) into[path] = Object.values(error.constraints);
    if (error.children?.length) collect(error.children, path, into);
  }
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = await super.transform(value, metadata);
    // A body without a DTO (an import's JSON) is its handler's to read.
    const nulls =
      metadata.type === 'body' && metadata.metatype && dto instanceof metadata.metatype && metadata.metatype !== Object
        ? refusedNullPaths(dto)
        : [];
    if (nulls.length > 0)
      throw ApiError.validation(Object.fromEntries(nulls.map((path) => [path, [`${path} must not be null`]])));
    return dto;
  }
}

/** The global pipe: unknown fields are refused, and every failure names its field. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => ApiError.validation(validationDetails(errors)),
  });
}
