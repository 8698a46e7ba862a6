import { parseTimestamp } from './timestamp';

/**
 * Cursors are opaque to clients but not trusted: every value is checked against what its position holds before
 * it reaches SQL, where a bad cast (a date that does not exist, an id that is not a uuid) would be a 500.
 */
export type CursorKind = 'timestamp' | 'uuid' | 'int4' | 'int8' | 'real';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REAL = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/** The largest value of each integer column type: a cursor past it would fail the cast in SQL. */
const INTEGER_MAX = { int4: 2n ** 31n - 1n, int8: 2n ** 63n - 1n } as const;

function integerFits(value: string | number, max: bigint): boolean {
  if (typeof value === 'number' ? !Number.isSafeInteger(value) || value < 0 : !/^\d{1,19}$/.test(value)) return false;
  return BigInt(value) <= max;
}

function fits(kind: CursorKind, value: string | number): boolean {
  switch (kind) {
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'timestamp':
      // timestamptz::text ("2025-01-02 03:04:05.123456+00") passes the same rule as the desk's inputs.
      return typeof value === 'string' && parseTimestamp(value) !== null;
    case 'int4':
    case 'int8':
      return integerFits(value, INTEGER_MAX[kind]);
    case 'real': {
      const n = typeof value === 'number' ? value : REAL.test(value) ? Number(value) : NaN;
      // Postgres' real: 0, or about 1e-37 to 3.4e38 either side of it. A text that only rounds to 0 here ("1e-400")
      // is out of Postgres's range, not zero.
      if (n === 0) return typeof value === 'number' || !/[1-9]/.test(value.split(/e/i)[0]);
      return Number.isFinite(n) && Math.abs(n) > 1e-37 && Math.abs(n) < 3.4e38;
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
