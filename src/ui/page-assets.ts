import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/** The pages' static files: src/ui/assets, copied beside the build by `npm run build` (dist/src/ui/assets). */
const ASSETS_DIR = join(__dirname, 'assets');

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface PageAsset {
  type: string;
  body: Buffer;
}

interface Registry {
  /** Plain name (`live.js`) → fingerprinted URL (`/ui/assets/live.3f9a0c1d2e.js`). */
  urls: Map<string, string>;
  /** Fingerprinted file name → the file. */
  files: Map<string, PageAsset>;
}

let registry: Registry | null = null;

/**
 * Read once, at first use: each file's name carries a hash of its content, so a URL always means the same bytes and
 * browsers may keep it for a year; a changed file gets a new URL.
 */
function load(): Registry {
  if (registry) return registry;
  const loaded: Registry = { urls: new Map(), files: new Map() };
  for (const name of readdirSync(ASSETS_DIR)) {
    const extension = extname(name);
    const type = TYPES[extension];
    if (!type) continue;
    const body = readFileSync(join(ASSETS_DIR, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const fingerprinted = `${name.slice(0, -extension.length)}.${hash}${extension}`;
    loaded.urls.set(name, `/ui/assets/${fingerprinted}`);
    loaded.files.set(fingerprinted, { type, body });
  }
  registry = loaded;
  return loaded;
}

/** The URL the pages use for an asset; a name with no file is a programming error. */
export function assetUrl(name: string): string {
  const url = load().urls.get(name);
  if (!url) throw new Error(`No page asset named ${name} in ${ASSETS_DIR}`);
  return url;
}

/** The file behind a fingerprinted name, or undefined. */
export function findAsset(fingerprinted: string): PageAsset | undefined {
  return load().files.get(fingerprinted);
}
