/**
 * Cursors are opaque to clients but not trusted: every value is checked against what its position holds before
 * it reaches SQL, where a bad cast (a date that does not exist, an id that is not a uuid) would be a 500.
 */
export type CursorKind = 'timestamp' | 'uuid' | 'integer' | 'real';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// timestamptz::text ("2025-01-02 03:04:05.123456+00") or ISO 8601.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?\d{2})?)?$/;
const REAL = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function isTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offset] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60 && offset <= 15;
}

function fits(kind: CursorKind, value: string | number): boolean {
  switch (kind) {
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'timestamp':
      return typeof value === 'string' && isTimestamp(value);
    case 'integer':
      return typeof value === 'number' ? Number.isSafeInteger(value) && value >= 0 : /^\d{1,18}$/.test(value);
    case 'real': {
      const n = typeof value === 'number' ? value : REAL.test(value) ? Number(value) : NaN;
      // Postgres' real: about 1e-37 to 3.4e38 either side of 0.
      return Number.isFinite(n) && (n === 0 || (Math.abs(n) > 1e-37 && Math.abs(n) < 3.4e38));
    }
  }
}

export function cursorValuesFit(values: unknown, kinds: CursorKind[]): values is (string | number)[] {
  return (
    Array.isArray(values) &&
    values.length === kinds.length &&
    values.every((v, i) => (typeof v === 'string' || typeof v === 'number') && fits(kinds[i], v))
  );
}
