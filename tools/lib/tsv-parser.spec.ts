import { parseTsv } from './tsv-parser';

describe('parseTsv', () => {
  it('reads quoted fields with doubled inner quotes and CRLF line ends', () => {
    const rows = parseTsv(
      'Sentence_id\tText\tclass_label\r\n26\t"You know, I saw a movie - ""Crocodile Dundee."""\tNo\r\n80\tWe\'re at 50 percent.\tYes\r\n',
    );

    expect(rows).toEqual([
      { Sentence_id: '26', Text: 'You know, I saw a movie - "Crocodile Dundee."', class_label: 'No' },
      { Sentence_id: '80', Text: "We're at 50 percent.", class_label: 'Yes' },
    ]);
  });

  it('keeps a quoted field that spans lines as one field', () => {
    const rows = parseTsv('a\tb\n1\t"two\nlines"\n');

    expect(rows).toEqual([{ a: '1', b: 'two\nlines' }]);
  });

  it('keeps a quote inside a field as text', () => {
    const rows = parseTsv('a\tb\n1\tHe said "no" twice\n2\t5" of rain\n');

    expect(rows).toEqual([
      { a: '1', b: 'He said "no" twice' },
      { a: '2', b: '5" of rain' },
    ]);
  });
});
