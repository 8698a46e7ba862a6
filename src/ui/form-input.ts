import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { ApiError } from '../common/api-error';
import { validationDetails } from '../common/validation.pipe';

/**
 * A form's fields, once turned into the JSON API's shape, checked by the API's own DTO: the pages and the API
 * refuse the same input with the same messages (shown on the error page as validation_failed).
 */
export async function validatedAs<T extends object>(
  dto: ClassConstructor<T>,
  plain: Record<string, unknown>,
): Promise<T> {
  const defined = Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined));
  const instance = plainToInstance(dto, defined);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw ApiError.validation(validationDetails(errors));
  return instance;
}

/** "en, fr" → ['en', 'fr']; an empty field → []. */
export function listField(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A select's "none" option sends an empty string. */
export function optionalField(value: string | undefined): string | undefined {
  return value ? value : undefined;
}
