import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { repoPath } from '../src/common/repo-paths';
import { buildOpenApiDocument } from '../src/openapi-document';
import { openApiDifferences } from './lib/openapi-differences';

// Usage: npm run openapi (writes openapi.json); npm run openapi:check (fails when openapi.json is not what the code says).
// Preview mode reads the modules' routes and types without instantiating them: no Postgres, no Redis.
async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  const generated = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  const path = repoPath('openapi.json');
  if (!process.argv.includes('--check')) {
    writeFileSync(path, generated);
    console.log(`openapi: wrote ${path}`);
    return;
  }
  const differences = openApiDifferences(existsSync(path) ? readFileSync(path, 'utf8') : '', generated);
  if (differences.length === 0) {
    console.log('openapi: openapi.json is the API the code serves');
    return;
  }
  console.error(
    `openapi: openapi.json differs from the code (run npm run openapi and commit it):\n  ${differences.join('\n  ')}`,
  );
  process.exitCode = 1;
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
