import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = __dirname;
const IMPORT = /\b(?:from|import)\s*\(?\s*'(\.[^']+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The top-level folder of src/ a file sits in; files at the root of src/ (the processes' modules) belong to none. */
function folderOf(path: string): string | null {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 ? parts[0] : null;
}

/** Edges between top-level folders of src/, from relative imports, with one importing file per edge. */
function folderGraph(files: string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const from = folderOf(file);
    if (!from) continue;
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = folderOf(resolve(dirname(file), specifier));
      if (!to || to === from || to.startsWith('..')) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      graph.get(from)!.set(to, relative(SRC, file));
    }
  }
  return graph;
}

/** Groups of two or more folders that reach each other (Tarjan's strongly connected components). */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const INFRASTRUCTURE = ['config', 'database', 'queue', 'common'];

/** Files allowed to hold SQL and TypeORM data calls: the repositories, and the helpers they share. */
const isSqlHome = (file: string) =>
  file.endsWith('.repository.ts') ||
  relative(SRC, file) === join('database', 'sql.ts') ||
  dirname(relative(SRC, file)) === FUNCTIONS_DIR;

/** The database's own code: one function (and its triggers) a file, applied after the migrations. */
const FUNCTIONS_DIR = join('database', 'functions');

/** Block comments and whole-line comments go, so prose about SQL is not taken for SQL; strings stay as they are. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** SQL at the start of a string or template literal (this code writes SQL keywords in capitals), and TypeORM's data calls. */
const DATA_ACCESS: [string, RegExp][] = [
  [
    'SQL',
    /[`'"]\s*(?:SELECT\s|INSERT\s+INTO\s|UPDATE\s+[\w."${}]+(?:\s+(?:AS\s+)?\w+)?\s+SET\s|DELETE\s+FROM\s|WITH\s+(?:RECURSIVE\s+)?\w+\s+AS\s*\()/,
  ],
  ['.query(', /\.query\s*(?:<[^>]*>)?\s*\(/],
  ['query builder', /\bcreateQueryBuilder\b|\bcreateQueryRunner\b/],
  ['repository', /\bgetRepository\b|@InjectRepository\b|@InjectEntityManager\b|\bRepository<\w+>/],
  [
    'entity manager',
    /\b(?:em|manager|entityManager|queryRunner)\s*\.\s*(?:find\w*|save|insert|update|upsert|delete|remove|softDelete|restore|count\w*|exists\w*|increment|decrement|sum|average|minimum|maximum|preload|merge)\s*\(/,
  ],
];

/** What in `text` reads or writes the database, by the names of DATA_ACCESS. */
function dataAccessIn(text: string): string[] {
  const code = withoutComments(text);
  return DATA_ACCESS.filter(([, pattern]) => pattern.test(code)).map(([name]) => name);
}

/** The repository that owns each table: the only file that may INSERT into, UPDATE or DELETE from it. */
const TABLE_OWNERS: Record<string, string> = {
  api_keys: 'auth/api-keys.repository.ts',
  articles: 'articles/articles.repository.ts',
  article_revisions: 'articles/articles.repository.ts',
  audit_events: 'audit/audit.repository.ts',
  callback_attempts: 'integrations/callback-outbox.repository.ts',
  callback_deliveries: 'integrations/callback-outbox.repository.ts',
  callback_endpoints: 'integrations/callback-endpoints.repository.ts',
  claim_comments: 'comments/comments.repository.ts',
  claim_comment_revisions: 'comments/comments.repository.ts',
  claim_events: 'claims/claims.repository.ts',
  claim_matches: 'fact-checks/fact-checks.repository.ts',
  claims: 'claims/claims.repository.ts',
  desk_settings: 'settings/settings.repository.ts',
  fact_check_lexemes: 'fact-checks/fact-checks.repository.ts',
  fact_check_stats: 'fact-checks/fact-checks.repository.ts',
  fact_checks: 'fact-checks/fact-checks.repository.ts',
  fact_check_imports: 'fact-checks/fact-checks.repository.ts',
  fact_check_postings: 'fact-checks/fact-checks.repository.ts',
  fact_check_sentence_vectors: 'fact-checks/fact-check-sentence-vectors.repository.ts',
  idempotency_keys: 'idempotency/idempotency.repository.ts',
  integrator_secrets: 'integrations/integrators.repository.ts',
  integrators: 'integrations/integrators.repository.ts',
  mail_outbox: 'notifications/mail-outbox.repository.ts',
  notifications: 'notifications/notifications.repository.ts',
  notification_preferences: 'notifications/notifications.repository.ts',
  reviewers: 'reviewers/reviewers.repository.ts',
  saved_views: 'ui/saved-views.repository.ts',
  users: 'people/people.repository.ts',
  user_tokens: 'people/people.repository.ts',
  user_sessions: 'people/sessions.repository.ts',
  webhook_receipts: 'idempotency/idempotency.repository.ts',
};

/**
 * Writes outside the owner, each on purpose and documented in docs/architecture.md: the database's own functions,
 * which the owners call (a move in one statement) or which keep a count whatever statement changes an assignment.
 */
const SHARED_WRITES: Record<string, string[]> = {
  'database/functions/articles-pass-due-at.ts': ['claims'],
  'database/functions/claims-keep-open-count.ts': ['reviewers'],
  'database/functions/insert-extracted-claims.ts': ['claims', 'claim_events'],
  'database/functions/move-claim-as-read.ts': ['claims', 'claim_events'],
  'database/functions/record-article-callbacks.ts': ['callback_deliveries'],
  'database/functions/record-first-extraction.ts': ['articles'],
};

/** The table of each entity class, from `@Entity({ name: 'table' })` (or `@Entity('table')`) above `export class Name`. */
function entityTables(files: string[]): Map<string, string> {
  const tables = new Map<string, string>();
  for (const file of files) {
    for (const [, table, name] of readFileSync(file, 'utf8').matchAll(
      /@Entity\(\s*(?:\{\s*name:\s*)?'(\w+)'[\s\S]*?export class (\w+)/g,
    ))
      tables.set(name, table);
  }
  return tables;
}

/** The word after UPDATE may be no table (`FOR UPDATE SKIP LOCKED`, `DO UPDATE SET`): only known tables count. */
const SQL_WRITE = /\b(?:INSERT\s+INTO|DELETE\s+FROM|UPDATE)\s+(?:ONLY\s+)?"?(\w+)/g;
const WRITE_CALL = String.raw`\.\s*(?:save|insert|update|upsert|delete|remove|softDelete|increment|decrement)\s*\(`;
/** `em.save(XEntity, …)`, `em.save(em.create(XEntity, …))`, `getRepository(XEntity).save(…)`, `.insert().into(XEntity)`. */
const ENTITY_WRITES = [
  new RegExp(String.raw`${WRITE_CALL}\s*(\w+)\b`, 'g'),
  new RegExp(String.raw`${WRITE_CALL}\s*\w+\.create\(\s*(\w+)\b`, 'g'),
  new RegExp(String.raw`getRepository\(\s*(\w+)\s*\)${WRITE_CALL}`, 'g'),
  /\.into\(\s*(\w+)\s*\)/g,
];
/** `@InjectRepository(XEntity) private readonly name: …`: the property's writes are XEntity's. */
const INJECTED_REPOSITORY =
  /@InjectRepository\(\s*(\w+)\s*\)\s*(?:(?:private|protected|public|readonly)\s+)*(\w+)\s*:/g;

/**
 * The tables a file writes: by SQL, or by TypeORM through an entity class (directly or an injected repository of it).
 * `em.save(entity)` names no class; outside repositories (where any data call is wrong anyway) an entity manager's
 * write counts as a write of every entity class the file names, so the message names the table.
 */
function tablesWritten(text: string, tables: Map<string, string>, inRepository = true): string[] {
  const code = withoutComments(text);
  const written = new Set<string>();
  for (const [, table] of code.matchAll(SQL_WRITE)) if (table in TABLE_OWNERS) written.add(table);
  const entities = ENTITY_WRITES.flatMap((pattern) => [...code.matchAll(pattern)].map(([, name]) => name));
  for (const [, entity, property] of code.matchAll(INJECTED_REPOSITORY)) {
    if (new RegExp(String.raw`this\.${property}${WRITE_CALL}`).test(code)) entities.push(entity);
  }
  if (!inRepository && new RegExp(String.raw`\b(?:em|manager|entityManager)${WRITE_CALL}`).test(code))
    entities.push(...[...tables.keys()].filter((entity) => new RegExp(String.raw`\b${entity}\b`).test(code)));
  for (const entity of entities) if (tables.has(entity)) written.add(tables.get(entity)!);
  return [...written].sort();
}

describe('architecture: the folders of src/', () => {
  const files = sourceFiles(SRC);
  const graph = folderGraph(files);

  it('finds the imports between folders (so the checks below look at something)', () => {
    expect(graph.get('claims')?.has('articles')).toBe(true);
    expect(graph.get('review')?.has('claims')).toBe(true);
  });

  it('depend one way: no group of folders reaches each other', () => {
    const explained = cycles(graph).map((group) =>
      group.flatMap((from) =>
        group.filter((to) => graph.get(from)?.has(to)).map((to) => `${from} -> ${to} (${graph.get(from)!.get(to)})`),
      ),
    );
    expect(explained).toEqual([]);
  });

  it('infrastructure (config, database, queue, common) imports no domain folder', () => {
    const reached = INFRASTRUCTURE.flatMap((from) =>
      [...(graph.get(from)?.entries() ?? [])]
        .filter(([to]) => !INFRASTRUCTURE.includes(to))
        .map(([to, file]) => `${from} -> ${to} (${file})`),
    );
    expect(reached).toEqual([]);
  });

  it('imports nothing from tools/: offline training and evaluation stay out of the image', () => {
    const tools = resolve(SRC, '..', 'tools');
    const reaching = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT)]
        .filter(([, specifier]) => resolve(dirname(file), specifier).startsWith(tools + sep))
        .map(([, specifier]) => `${relative(SRC, file)} -> ${specifier}`),
    );
    expect(reaching).toEqual([]);
  });
});

describe('architecture: SQL lives in repositories', () => {
  const files = sourceFiles(SRC);
  const tables = entityTables(files);

  it('the detectors see SQL and data calls, and not prose or other calls', () => {
    expect(dataAccessIn('const rows = await em.query(`SELECT id FROM claims WHERE id = $1`, [id]);')).toEqual([
      'SQL',
      '.query(',
    ]);
    expect(dataAccessIn("dataSource.query('DELETE FROM t')")).toEqual(['SQL', '.query(']);
    expect(dataAccessIn('const s = `UPDATE callback_deliveries d SET status = $1`;')).toEqual(['SQL']);
    expect(dataAccessIn('const s = `WITH backlog AS (SELECT 1)`;')).toEqual(['SQL']);
    expect(dataAccessIn('const s = `UPDATE ${table} SET x = 1`;')).toEqual(['SQL']);
    expect(dataAccessIn('await em.save(entity); await manager.findOne(X, {});')).toEqual(['entity manager']);
    expect(dataAccessIn('this.dataSource.createQueryBuilder()')).toEqual(['query builder']);
    expect(dataAccessIn('constructor(@InjectRepository(ApiKeyEntity) keys: Repository<ApiKeyEntity>) {}')).toEqual([
      'repository',
    ]);
    expect(
      dataAccessIn(
        "/** `SELECT … FOR UPDATE` locks the row */\n// em.save(x) in the caller\nconst title = 'Select a claim';",
      ),
    ).toEqual([]);
    expect(dataAccessIn('relaxed.find(([path]) => path.test(req.path)); request.query.cursor;')).toEqual([]);
    expect(
      tablesWritten(
        '`INSERT INTO claims (id) VALUES ($1)` `UPDATE callback_deliveries d SET x = 1` `DELETE FROM webhook_receipts`',
        tables,
      ),
    ).toEqual(['callback_deliveries', 'claims', 'webhook_receipts']);
    expect(
      tablesWritten(
        '`SELECT id FROM claims FOR UPDATE SKIP LOCKED` `FOR UPDATE OF claims` `ON CONFLICT (k) DO UPDATE SET a = 1`',
        tables,
      ),
    ).toEqual([]);
    expect(tablesWritten('await em.update(ApiKeyEntity, { id }, { revokedAt })', tables)).toEqual(['api_keys']);
    expect(
      tablesWritten('em.save(em.create(ReviewerEntity, input)); em.getRepository(ClaimEntity).findOne({})', tables),
    ).toEqual(['reviewers']);
    expect(
      tablesWritten(
        'constructor(@InjectRepository(ClaimEntity) private readonly claims: Repository<ClaimEntity>) {} x() { return this.claims.save(c); }',
        tables,
      ),
    ).toEqual(['claims']);
    expect(
      tablesWritten(
        'constructor(@InjectRepository(ClaimEntity) private readonly claims: Repository<ClaimEntity>) {} x() { return this.claims.find(); }',
        tables,
      ),
    ).toEqual([]);
    expect(tablesWritten('const reviewer = new ReviewerEntity(); await em.save(reviewer);', tables, false)).toEqual([
      'reviewers',
    ]);
    expect(tablesWritten('const reviewer = new ReviewerEntity(); await em.save(reviewer);', tables)).toEqual([]);
    expect(
      tablesWritten(
        'import type { ApiKeyEntity } from "./api-key.entity"; this.liveKeys.delete(prefix);',
        tables,
        false,
      ),
    ).toEqual([]);
  });

  it('no file outside *.repository.ts (and database/sql.ts) holds SQL or TypeORM data calls', () => {
    const offending = files
      .filter((file) => !isSqlHome(file))
      .flatMap((file) => {
        const found = dataAccessIn(readFileSync(file, 'utf8'));
        return found.length ? [`${relative(SRC, file)}: ${found.join(', ')}`] : [];
      });
    expect(offending).toEqual([]);
  });

  it('a table is written only by the repository that owns it', () => {
    const trespassing = files.flatMap((file) =>
      tablesWritten(readFileSync(file, 'utf8'), tables, isSqlHome(file))
        .filter((table) => {
          const path = relative(SRC, file).split(sep).join('/');
          return TABLE_OWNERS[table] !== path && !SHARED_WRITES[path]?.includes(table);
        })
        .map((table) => `${relative(SRC, file)} writes ${table} (owner: ${TABLE_OWNERS[table]})`),
    );
    expect(trespassing).toEqual([]);
  });

  it('knows the owner of every table the migrations create', () => {
    const created = [
      ...readdirSync(join(SRC, '..', 'migrations'))
        .map((name) => readFileSync(join(SRC, '..', 'migrations', name), 'utf8'))
        .join('\n')
        .matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?(\w+)/g),
    ].map(([, table]) => table);
    expect([...new Set(created)].filter((table) => !(table in TABLE_OWNERS))).toEqual([]);
  });
});

/** From this migration on, functions and triggers are written only in database/functions (earlier ones are history). */
const FUNCTIONS_FROM_SOURCE_SINCE = 1765099000000;

describe('architecture: the database’s own code has one source', () => {
  const functionFiles = readdirSync(join(SRC, FUNCTIONS_DIR)).filter(
    (name) =>
      name.endsWith('.ts') && !['index.ts', 'database-function.ts'].includes(name) && !name.endsWith('.spec.ts'),
  );

  it('each file of database/functions defines one function, named as the file is, with only its own triggers', () => {
    const problems = functionFiles.flatMap((name) => {
      const text = readFileSync(join(SRC, FUNCTIONS_DIR, name), 'utf8');
      const defined = [...text.matchAll(/CREATE OR REPLACE FUNCTION (\w+)\(/g)].map(([, fn]) => fn);
      const called = [...text.matchAll(/CREATE OR REPLACE TRIGGER[^`]*EXECUTE FUNCTION (\w+)\(/g)].map(([, fn]) => fn);
      const expected = name.replace(/\.ts$/, '').replace(/-/g, '_');
      return [
        ...(defined.length === 1 && defined[0] === expected
          ? []
          : [`${name} defines ${defined.join(', ') || 'nothing'}`]),
        ...called.filter((fn) => fn !== expected).map((fn) => `${name} has a trigger calling ${fn}`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('every file of database/functions is applied', () => {
    const index = readFileSync(join(SRC, FUNCTIONS_DIR, 'index.ts'), 'utf8');
    expect(functionFiles.filter((name) => !index.includes(`from './${name.replace(/\.ts$/, '')}'`))).toEqual([]);
  });

  it('no migration from the cut-over on writes a function or a trigger of its own', () => {
    const inline = readdirSync(join(SRC, '..', 'migrations'))
      .filter((name) => Number(name.split('-')[0]) >= FUNCTIONS_FROM_SOURCE_SINCE)
      .filter((name) =>
        /CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|(?:CONSTRAINT\s+)?TRIGGER)\b/i.test(
          readFileSync(join(SRC, '..', 'migrations', name), 'utf8'),
        ),
      );
    expect(inline).toEqual([]);
  });
});
