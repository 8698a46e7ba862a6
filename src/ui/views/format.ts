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
