import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The one rule for instants the desk takes in (bodies, query filters, cursors): ISO 8601 (or Postgres' own
 * `timestamptz::text`) in the years 0001–9999, a date that exists, and a time with a valid offset (`Z`, `±hh`,
 * `±hh:mm`, at most ±15:59). Postgres' timestamptz holds 4713 BC to 294276 AD and JavaScript's Date more than
 * either side of that, so anything looser reaches SQL and fails there as a 500; four-digit years stay well inside.
 */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2})(?::?(\d{2}))?))?$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIRST = Date.parse('0001-01-01T00:00:00Z');
const LAST = Date.parse('9999-12-31T23:59:59.999Z');

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The instant a text names, or null when it is not one this rule takes. */
export function parseTimestamp(text: string): Date | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m
    .slice(1, 7)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const [fraction = '', zone, sign, offsetHours = '00', offsetMinutes = '00'] = m.slice(7);
  const calendar = new Date(0);
  calendar.setUTCFullYear(year!, month! - 1, day);
  const dateExists = year! >= 1 && calendar.getUTCMonth() === month! - 1 && calendar.getUTCDate() === day;
  const timeValid = hour < 24 && minute < 60 && second < 60 && Number(offsetHours) <= 15 && Number(offsetMinutes) < 60;
  if (!dateExists || !timeValid) return null;
  const offset = !zone || zone.toUpperCase() === 'Z' ? 'Z' : `${sign}${offsetHours}:${offsetMinutes}`;
  // A time of day needs its offset: without one it would be read in the server's own zone.
  if (m[4] !== undefined && !zone) return null;
  return new Date(
    `${pad(year!, 4)}-${pad(month!)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction.slice(0, 4)}${offset}`,
  );
}

/** A JSON number is milliseconds since 1970 (class-transformer's reading, kept); in the same years as text. */
function toInstant(value: unknown): unknown {
  if (typeof value === 'string') return parseTimestamp(value) ?? value;
  // A boolean stays what it is, and is refused: `false` is no instant, though Number(false) is 1970's first.
  if (typeof value === 'number') return value >= FIRST && value <= LAST ? new Date(value) : value;
  return value;
}

const MESSAGE = (property: string, what: string) => `${property} must be ${what} in the years 0001–9999`;

/** A DTO's instant: validated by the rule above and handed on as a Date. */
export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  const transform = Transform(({ value }) => toInstant(value));
  const validate = ValidateBy(
    {
      name: 'isTimestamp',
      validator: {
        validate: (value) => value instanceof Date,
        defaultMessage: (args) => MESSAGE(args!.property, 'an ISO 8601 date-time with Z or a ±hh:mm offset'),
      },
    },
    options,
  );
  return (target, property) => {
    transform(target, property);
    validate(target, property);
  };
}

/** A form's day (YYYY-MM-DD), kept as text, by the same rule. */
export function IsDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDay',
      validator: {
        validate: (value) => typeof value === 'string' && DAY.test(value) && parseTimestamp(value) !== null,
        defaultMessage: (args) => MESSAGE(args!.property, 'a date that exists (YYYY-MM-DD)'),
      },
    },
    options,
  );
}
