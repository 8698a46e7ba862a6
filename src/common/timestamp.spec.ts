import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsDay, IsTimestamp, parseTimestamp } from './timestamp';

class WithInstant {
  @IsTimestamp()
  at: Date;
}

class WithDay {
  @IsDay()
  day: string;
}

const errorsFor = (cls: new () => object, plain: object) =>
  validateSync(plainToInstance(cls, plain)).map((e) => e.property);

describe('parseTimestamp', () => {
  it.each([
    ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00.000Z'],
    ['2024-05-01T10:00:00+02:00', '2024-05-01T08:00:00.000Z'],
    ['2024-05-01T10:00:00.123456-0530', '2024-05-01T15:30:00.123Z'],
    ['2026-11-26 02:42:51.012046+00', '2026-11-26T02:42:51.012Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseTimestamp(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['a year before 0001', '-004714-01-01T00:00:00Z'],
    ['a six-digit year', '+275760-09-13T00:00:00Z'],
    ['year 0', '0000-01-01T00:00:00Z'],
    ['an offset of 99 minutes', '2024-01-01T00:00:00+00:99'],
    ['an offset of 16 hours', '2024-01-01T00:00:00+16:00'],
    ['a time without an offset', '2024-01-01T10:00:00'],
    ['a day that does not exist', '2023-02-29T00:00:00Z'],
    ['hour 24', '2024-01-01T24:00:00Z'],
    ['a leap second', '2016-12-31T23:59:60Z'],
    ['words', 'yesterday'],
  ])('refuses %s', (_, text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
});

describe('IsTimestamp', () => {
  it('hands on a Date for valid text, and epoch milliseconds within the years', () => {
    const dto = plainToInstance(WithInstant, { at: '2024-05-01T10:00:00+02:00' });
    expect(validateSync(dto)).toEqual([]);
    expect(dto.at.toISOString()).toBe('2024-05-01T08:00:00.000Z');
    expect(errorsFor(WithInstant, { at: 42 })).toEqual([]);
  });

  it('names the field when the value is out of what Postgres can store', () => {
    expect(errorsFor(WithInstant, { at: '+275760-09-13T00:00:00Z' })).toEqual(['at']);
    expect(errorsFor(WithInstant, { at: 8.64e15 })).toEqual(['at']);
    expect(errorsFor(WithInstant, { at: ['2024-01-01T00:00:00Z'] })).toEqual(['at']);
    expect(errorsFor(WithInstant, { at: false })).toEqual(['at']);
    expect(errorsFor(WithInstant, { at: true })).toEqual(['at']);
  });
});

describe('IsDay', () => {
  it('takes a day that exists and nothing else', () => {
    expect(errorsFor(WithDay, { day: '2024-02-29' })).toEqual([]);
    expect(errorsFor(WithDay, { day: '0000-01-01' })).toEqual(['day']);
    expect(errorsFor(WithDay, { day: '2024-02-29T00:00:00Z' })).toEqual(['day']);
  });
});
