import { parse } from 'csv-parse/sync';

export type TsvRow = Record<string, string>;

/**
 * Tab-separated text with a header row; a field may be wrapped in "…" with inner quotes doubled (and may then span
 * lines); a quote inside a field is kept as text. CRLF or LF; rows with nothing in them are left out.
 */
export function parseTsv(input: string): TsvRow[] {
  const records: string[][] = parse(input, {
    delimiter: '\t',
    quote: '"',
    escape: '"',
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const [header, ...rows] = records;
  if (!header) return [];
  return rows
    .filter((fields) => fields.some((field) => field !== ''))
    .map((fields) => Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ''])));
}
