import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { openApiDifferences } from './lib/openapi-differences';

describe('openapi.json', () => {
  // A process of its own: Nest 12 is ESM, which Node loads for ts-node but jest on Node 20 cannot.
  it('is the document the code generates (regenerate with npm run openapi)', () => {
    const check = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'tools/openapi.ts', '--check'],
      { cwd: resolve(__dirname, '..'), encoding: 'utf8', timeout: 170_000 },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 180_000);
});

describe('openApiDifferences', () => {
  const document = (schemas: object) => JSON.stringify({ paths: { '/claims': {} }, components: { schemas } });

  it('names the schema that changed, and nothing when the documents are the same', () => {
    expect(openApiDifferences(document({ ClaimResponse: { a: 1 } }), document({ ClaimResponse: { a: 2 } }))).toEqual([
      'schema ClaimResponse: changed',
    ]);
    expect(openApiDifferences(document({ A: {} }), document({ A: {} }))).toEqual([]);
  });

  it('reports every route as new when there is no committed document', () => {
    expect(openApiDifferences('', document({}))).toEqual(['path /claims: new']);
  });
});
