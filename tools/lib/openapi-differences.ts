import { isDeepStrictEqual } from 'node:util';

type Section = Record<string, unknown>;
interface Document {
  paths?: Section;
  components?: { schemas?: Section };
}

/** What differs between two OpenAPI documents, by route and by schema, so a failed check says where to look. */
export function openApiDifferences(committed: string, generated: string): string[] {
  const before = JSON.parse(committed || '{}') as Document;
  const after = JSON.parse(generated) as Document;
  const sections: [string, Section, Section][] = [
    ['path', before.paths ?? {}, after.paths ?? {}],
    ['schema', before.components?.schemas ?? {}, after.components?.schemas ?? {}],
  ];
  const differences = sections.flatMap(([kind, a, b]) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .filter((key) => !isDeepStrictEqual(a[key], b[key]))
      .map((key) => `${kind} ${key}: ${!(key in a) ? 'new' : !(key in b) ? 'gone' : 'changed'}`),
  );
  return differences.length > 0 || committed === generated ? differences : ['the document: changed'];
}
