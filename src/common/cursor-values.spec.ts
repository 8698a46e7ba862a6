import { cursorValuesFit } from './cursor-values';

const ID = '8e4966bd-2082-43c5-8efe-1a1e9b21f14d';

describe('cursorValuesFit', () => {
  it('takes what the service issues', () => {
    expect(cursorValuesFit(['2026-11-26 02:42:51.012046+00', ID], ['timestamp', 'uuid'])).toBe(true);
    expect(cursorValuesFit(['1e-05', ID], ['real', 'uuid'])).toBe(true);
    expect(cursorValuesFit(['0.8734', ID], ['real', 'uuid'])).toBe(true);
    expect(cursorValuesFit(['0', ID], ['real', 'uuid'])).toBe(true);
    expect(cursorValuesFit(['0.000e5', ID], ['real', 'uuid'])).toBe(true);
    expect(cursorValuesFit(['2024-02-29T23:59:59Z', 1, '123456789012'], ['timestamp', 'int4', 'int8'])).toBe(true);
    expect(cursorValuesFit([2147483647, '9223372036854775807'], ['int4', 'int8'])).toBe(true);
  });

  it.each([
    ['the wrong arity', [ID], ['timestamp', 'uuid']],
    ['not an array', { a: 1 }, ['uuid']],
    ['a date that does not exist', ['2023-02-29 00:00:00+00', ID], ['timestamp', 'uuid']],
    ['a month 13', ['2024-13-01 00:00:00+00', ID], ['timestamp', 'uuid']],
    ['a time past midnight', ['2024-01-01 24:00:00+00', ID], ['timestamp', 'uuid']],
    ['year 0', ['0000-01-01 00:00:00+00', ID], ['timestamp', 'uuid']],
    ['an offset of 99 minutes', ['2024-01-01 00:00:00+00:99', ID], ['timestamp', 'uuid']],
    ['a six-digit year', ['+275760-09-13T00:00:00Z', ID], ['timestamp', 'uuid']],
    ['a time without an offset', ['2024-01-01 00:00:00', ID], ['timestamp', 'uuid']],
    ['SQL for an id', ['2024-01-01 00:00:00+00', "' OR 1=1"], ['timestamp', 'uuid']],
    ['NUL characters', ['\u0000', '\u0000'], ['timestamp', 'uuid']],
    ['a real out of range', [1e300, ID], ['real', 'uuid']],
    ['NaN for a real', ['NaN', ID], ['real', 'uuid']],
    ['a real too small for Postgres, which is not zero', ['1e-400', ID], ['real', 'uuid']],
    ['a real of 400 places, which is not zero', [`0.${'0'.repeat(400)}1`, ID], ['real', 'uuid']],
    ['a bigint past int8', ['99999999999999999999999'], ['int8']],
    ['a number one past int8', ['9223372036854775808'], ['int8']],
    ['a number one past int4', [2147483648], ['int4']],
    ['a string one past int4', ['2147483648'], ['int4']],
    ['a fraction for an integer', [1.5], ['int4']],
    ['an object in place of a value', [{ a: 1 }], ['int8']],
  ])('refuses %s', (_, values, kinds) => {
    expect(cursorValuesFit(values, kinds as never)).toBe(false);
  });
});
