import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { importItemsOf, MAX_IMPORT_ITEMS } from './claim-review-input';
import type { FactCheckImportService, ImportResult } from './fact-check-import.service';

/** Reads a whole JSON document up to this size; larger files must be JSON Lines (one ClaimReview a line). */
const MAX_JSON_BYTES = 512 * 1024 * 1024;

/** A large archive in batches of the API's size, through the API's import code; error indexes count from the file's first item. */
export async function importFactCheckFile(
  importer: FactCheckImportService,
  path: string,
  progress?: (done: number) => void,
): Promise<ImportResult> {
  const total: ImportResult = { imported: 0, updated: 0, skipped: 0, errors: [] };
  let offset = 0;
  const flush = async (batch: unknown[]) => {
    const result = await importer.importItems(batch);
    total.imported += result.imported;
    total.updated += result.updated;
    total.skipped += result.skipped;
    total.errors.push(...result.errors.map((e) => ({ index: e.index + offset, message: e.message })));
    offset += batch.length;
    progress?.(offset);
  };
  const start = firstBytes(path);
  const head = start.trimStart()[0];
  if (head === '[' || (head === '{' && !isJsonLines(start))) {
    if (statSync(path).size > MAX_JSON_BYTES)
      throw new Error(`${path} is over ${MAX_JSON_BYTES} bytes: write it as JSON Lines`);
    const items = importItemsOf(JSON.parse(readFileSync(path, 'utf8')));
    if (!items) throw new Error(`${path} is not ClaimReview: an object, an array or {items: [...]}`);
    for (let i = 0; i < items.length; i += MAX_IMPORT_ITEMS) await flush(items.slice(i, i + MAX_IMPORT_ITEMS));
    return total;
  }
  let batch: unknown[] = [];
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    try {
      batch.push(JSON.parse(line));
    } catch {
      batch.push(null);
    }
    if (batch.length === MAX_IMPORT_ITEMS) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length) await flush(batch);
  return total;
}

function firstBytes(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** A first line that is a whole JSON value, followed by more: JSON Lines. */
function isJsonLines(start: string): boolean {
  const newline = start.indexOf('\n');
  if (newline < 0 || !start.slice(newline).trim()) return false;
  try {
    JSON.parse(start.slice(0, newline));
    return true;
  } catch {
    return false;
  }
}
