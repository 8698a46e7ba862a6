import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError } from './api-error';

function collect(errors: ValidationError[], parent: string, into: Record<string, string[]>): void {
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) into[path] = Object.values(error.constraints);
    if (error.children?.length) collect(error.children, path, into);
  }
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Paths of keys that name an object's prototype machinery, at any depth. JSON.parse makes `__proto__` an own
 * property, which class-transformer drops without a word, so the whitelist never sees it: it is looked for here.
 */
export function prototypeKeyPaths(value: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    for (const key of Object.keys(node)) {
      const child = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) found.push(child);
      else stack.push([(node as Record<string, unknown>)[key], child]);
    }
  }
  return found.sort();
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const refused = metadata.type === 'body' ? prototypeKeyPaths(value) : [];
    if (refused.length > 0) throw ApiError.validation(Object.fromEntries(refused.map((path) => [path, [`property ${path.split('.').pop()} should not exist`]])));
    return super.transform(value, metadata);
  }
}

/** The global pipe: unknown fields are refused, and every failure names its field. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details: Record<string, string[]> = {};
      collect(errors, '', details);
      return ApiError.validation(details);
    },
  });
}
