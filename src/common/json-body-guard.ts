import { scan } from 'secure-json-parse';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Deeper than any body this API takes (a move's sources are 3 levels): deeper is an attack on recursive code. */
export const MAX_JSON_DEPTH = 32;

/** Shaped like body-parser's own errors, so the exception filter answers them the same way (400 validation_failed). */
function unreadable(message: string, type = 'entity.invalid'): Error {
  return Object.assign(new Error(message), { status: 400, statusCode: 400, type, expose: true });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * body-parser's `verify` hook: bytes that are not UTF-8 are refused, instead of being decoded into U+FFFD and
 * stored as something the sender never sent.
 */
export function requireUtf8(_req: IncomingMessage, _res: ServerResponse, buffer: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== 'utf-8') return;
  try {
    utf8.decode(buffer);
  } catch {
    throw unreadable('The request body is not valid UTF-8');
  }
}

/** Why a parsed JSON body cannot be taken as it is, or null. Iterative, so no depth can overflow the stack here. */
export function jsonBodyProblem(body: unknown): string | null {
  const stack: [unknown, number][] = [[body, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      // Postgres text cannot hold U+0000, and a lone surrogate has no UTF-8 form: either would fail or change on the way in.
      if (value.includes('\u0000')) return 'Strings may not contain the NUL character (\\u0000)';
      if (LONE_SURROGATE.test(value)) return 'Strings may not contain unpaired surrogates';
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep`;
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
    } else {
      for (const [key, item] of Object.entries(value)) {
        stack.push([key, depth + 1], [item, depth + 1]);
      }
    }
  }
  return null;
}

/**
 * Why a parsed JSON body names an object's prototype machinery (`__proto__`, `constructor.prototype`) at any depth,
 * or null. JSON.parse makes `__proto__` an own property, which class-transformer drops without a word, so the
 * whitelist never sees it.
 */
export function prototypeKeyProblem(body: unknown): string | null {
  if (body === null || typeof body !== 'object') return null;
  try {
    scan(body, { protoAction: 'error', constructorAction: 'error' });
    return null;
  } catch {
    return 'Keys may not be __proto__, nor constructor holding prototype';
  }
}

/**
 * Express middleware after the body parsers: refuses bodies and query strings that no handler should see (see
 * jsonBodyProblem). The query is parsed here whatever route it is for, so no handler or filter can forget it.
 */
export function requestInputGuard() {
  return (
    req: IncomingMessage & { body?: unknown; query?: unknown },
    _res: ServerResponse,
    next: (error?: unknown) => void,
  ): void => {
    const queryProblem = req.query === undefined ? null : jsonBodyProblem(req.query);
    if (queryProblem) return next(unreadable(queryProblem, 'query.invalid'));
    const bodyProblem = req.body === undefined ? null : (jsonBodyProblem(req.body) ?? prototypeKeyProblem(req.body));
    next(bodyProblem ? unreadable(bodyProblem) : undefined);
  };
}
