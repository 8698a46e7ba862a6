export type TsvRow = Record<string, string>;

/** Parses tab-separated text where a field may be wrapped in "…" with inner quotes doubled (may span lines, CRLF or LF). */
export function parseTsv(input: string): TsvRow[] {
  const records = parseRecords(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  const [header, ...rows] = records;
  if (!header) return [];
  return rows
    .filter((fields) => fields.some((field) => field !== ''))
    .map((fields) => Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ''])));
}

function parseRecords(input: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push(fields);
    fields = [];
    field = '';
  };
  while (i < input.length) {
    const ch = input[i];
    if (ch === '"' && field === '') {
      const close = readQuoted(input, i + 1);
      field = close.value;
      i = close.next;
      // Anything after the closing quote up to the delimiter is kept verbatim.
      while (i < input.length && input[i] !== '\t' && input[i] !== '\n' && input[i] !== '\r') field += input[i++];
      continue;
    }
    if (ch === '\t') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += ch;
    }
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

function readQuoted(input: string, from: number): { value: string; next: number } {
  let value = '';
  let i = from;
  while (i < input.length) {
    if (input[i] === '"') {
      if (input[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, next: i + 1 };
    }
    value += input[i++];
  }
  return { value, next: i };
}
