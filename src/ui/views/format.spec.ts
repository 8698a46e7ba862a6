import { inTimeZone, instantFromLocalInput, localInputValue } from './format';

describe('datetime-local values in the reader’s time zone', () => {
  it('reads a wall time in the zone as its instant, across the zone’s summer and winter offsets', () => {
    inTimeZone('Europe/Berlin', () => {
      expect(instantFromLocalInput('2026-12-05T14:30')?.toISOString()).toBe('2026-12-05T13:30:00.000Z');
      expect(instantFromLocalInput('2026-07-01T09:00:15')?.toISOString()).toBe('2026-07-01T07:00:15.000Z');
    });
    inTimeZone('America/New_York', () =>
      expect(instantFromLocalInput('2026-03-08T12:00')?.toISOString()).toBe('2026-03-08T16:00:00.000Z'),
    );
  });

  it('gives an instant back as the wall time the reader typed', () => {
    inTimeZone('Asia/Kolkata', () => {
      const instant = instantFromLocalInput('2026-02-28T23:45')!;
      expect(instant.toISOString()).toBe('2026-02-28T18:15:00.000Z');
      expect(localInputValue(instant)).toBe('2026-02-28T23:45');
    });
    expect(localInputValue(null)).toBe('');
  });

  it('refuses what is not a date and time', () => {
    for (const value of [
      '',
      'tomorrow',
      '2026-02-30T10:00',
      '2026-12-05T24:00',
      '2026-12-05 14:30',
      '2026-12-05',
      '2025-00-15T10:00',
      '2025-13-15T10:00',
      '2025-01-15T10:99',
      '2025-01-15T10:00:60',
      '0000-01-01T10:00',
    ])
      expect({ value, instant: instantFromLocalInput(value) }).toEqual({ value, instant: null });
  });

  it('reads the years before 100 as themselves', () => {
    inTimeZone('UTC', () =>
      expect(instantFromLocalInput('0050-01-01T10:00')?.toISOString()).toBe('0050-01-01T10:00:00.000Z'),
    );
  });
});
