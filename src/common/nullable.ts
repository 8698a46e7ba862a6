import { IsOptional } from 'class-validator';

const NULLABLE = new WeakMap<object, Set<string>>();

/**
 * A DTO field where `null` means "none" (it clears the value or takes the default). Every other field refuses `null`
 * (see refusedNullPaths): `@IsOptional()` alone lets `null` through to the service, and on to a NOT NULL column.
 */
export function Nullable(): PropertyDecorator {
  const optional = IsOptional();
  return (target, property) => {
    optional(target, property);
    const names = NULLABLE.get(target) ?? new Set<string>();
    names.add(String(property));
    NULLABLE.set(target, names);
  };
}

function isNullable(owner: object, property: string): boolean {
  for (
    let proto = Object.getPrototypeOf(owner);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  )
    if (NULLABLE.get(proto as object)?.has(property)) return true;
  return false;
}

/** Paths of the `null` values in a validated DTO (nested DTOs and arrays included) whose field is not @Nullable(). */
export function refusedNullPaths(dto: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[dto, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries(node)) {
      const child = path ? `${path}.${key}` : key;
      if (value === null && !(Array.isArray(node) ? false : isNullable(node, key))) found.push(child);
      else stack.push([value, child]);
    }
  }
  return found.sort();
}
