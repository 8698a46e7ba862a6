import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The time zone of the page being rendered: the reader's, set once per request (TimeZoneInterceptor) so that every
 * view's dates follow it without each view passing it down. Outside a request: UTC.
 */
const renderingZone = new AsyncLocalStorage<string>();
const formats = new Map<string, { dateTime: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();

export function inTimeZone<T>(timeZone: string, render: () => T): T {
  return renderingZone.run(timeZone, render);
}

export function currentTimeZone(): string {
  return renderingZone.getStore() ?? 'UTC';
}

/** The one date format of the pages (e.g. "2 Dec 2026, 04:05 CET"); review.js uses the same options. */
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

function formatsIn(timeZone: string) {
  let found = formats.get(timeZone);
  if (!found) {
    // dateStyle cannot be combined with timeZoneName: the zone's short name ("CET", "GMT-5") comes from a second format.
    found = {
      dateTime: new Intl.DateTimeFormat('en-GB', { ...DATE_TIME_OPTIONS, timeZone }),
      zone: new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }),
    };
    formats.set(timeZone, found);
  }
  return found;
}

export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  const { dateTime, zone } = formatsIn(currentTimeZone());
  return `${dateTime.format(date)} ${zone.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? ''}`.trim();
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time `date` shows in `timeZone`, as if that were UTC (their difference is the zone's offset). */
function wallClockMs(date: Date, timeZone: string): number {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, Number(p.value)]));
  return utcMs(part.year, part.month, part.day, part.hour, part.minute, part.second);
}

/** Date.UTC, but for the years 0–99 too (Date.UTC reads them as 1900–1999). Month from 1. */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** A `datetime-local` input's value for `date`, in the reader's time zone ("2026-12-05T14:30"). */
export function localInputValue(date: Date | null): string {
  return date ? new Date(wallClockMs(date, currentTimeZone())).toISOString().slice(0, 16) : '';
}

/**
 * The instant a `datetime-local` value ("2026-12-05T14:30", seconds optional) names in the reader's time zone; null
 * when it is not one. A time a clock change skips is read with the offset before it.
 */
export function instantFromLocalInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (year < 1 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = utcMs(year, month, day, hour, minute, second);
  if (new Date(wall).getUTCDate() !== day) return null;
  const zone = currentTimeZone();
  // The offset at the wall time read as UTC, then at the instant that gives: two steps settle across a clock change.
  let instant = wall - (wallClockMs(new Date(wall), zone) - wall);
  instant = wall - (wallClockMs(new Date(instant), zone) - instant);
  return new Date(instant);
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
