import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import type { EvidenceSource } from './claim-event.entity';
import type { ClaimEntity } from './claim.entity';
import type { ExportFormat } from './dto/export-claims.query';
import { statementOf } from './claim-statement';

/** What an export adds to a claim from its article, its reviewer and its verdict. */
export interface ClaimExportDetails {
  articleTitle: string;
  articleUrl: string | null;
  reviewer: string | null;
  verdictAt: Date | null;
  sources: EvidenceSource[] | null;
}

/** One exported claim; the CSV's columns, in this order, and each JSON line's keys. */
export interface ClaimExportRow {
  id: string;
  articleId: string;
  articleTitle: string;
  articleUrl: string | null;
  text: string;
  /** The claim as stated on its own: the stored statement, or else the text. */
  statement: string;
  claimant: string | null;
  type: string;
  checkworthiness: number;
  status: string;
  /** The verdict's rating (a key of the desk's scale). */
  rating: string | null;
  /** The verdict's rationale for readers. */
  publicNote: string | null;
  /** `pending` while the verdict waits for a second opinion, `approved` after it. */
  approval: string | null;
  reviewer: string | null;
  verdictAt: string | null;
  sources: string[];
  tags: string[];
  dueAt: string | null;
  createdAt: string;
}

export const CLAIM_EXPORT_COLUMNS: readonly (keyof ClaimExportRow)[] = [
  'id',
  'articleId',
  'articleTitle',
  'articleUrl',
  'text',
  'statement',
  'claimant',
  'type',
  'checkworthiness',
  'status',
  'rating',
  'publicNote',
  'approval',
  'reviewer',
  'verdictAt',
  'sources',
  'tags',
  'dueAt',
  'createdAt',
];

export function toClaimExportRow(claim: ClaimEntity, details: ClaimExportDetails | undefined): ClaimExportRow {
  return {
    id: claim.id,
    articleId: claim.articleId,
    articleTitle: details?.articleTitle ?? '',
    articleUrl: details?.articleUrl ?? null,
    text: claim.text,
    statement: statementOf(claim),
    claimant: claim.claimant,
    type: claim.type,
    checkworthiness: claim.checkworthiness,
    status: claim.status,
    rating: claim.rating,
    publicNote: claim.publicNote,
    approval: claim.approval,
    reviewer: details?.reviewer ?? null,
    verdictAt: details?.verdictAt?.toISOString() ?? null,
    sources: (details?.sources ?? []).map((source) => source.url),
    tags: claim.tags,
    dueAt: claim.dueAt?.toISOString() ?? null,
    createdAt: claim.createdAt.toISOString(),
  };
}

/**
 * A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (or a tab or CR before one) as a formula: such a cell
 * is written with a leading apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection).
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/** The rows as a byte stream of `format`, pulled from `rows` only as fast as the client reads. */
export function claimExportStream(
  rows: AsyncIterable<ClaimExportRow>,
  format: ExportFormat,
): { stream: Readable; contentType: string } {
  const source = Readable.from(rows);
  const stream =
    format === 'csv'
      ? source.pipe(
          stringify({
            header: true,
            columns: [...CLAIM_EXPORT_COLUMNS],
            cast: {
              string: neutraliseFormula,
              object: (value) => (Array.isArray(value) ? neutraliseFormula(value.join(' ')) : JSON.stringify(value)),
              number: (value) => String(value),
            },
          }),
        )
      : Readable.from(
          (async function* () {
            for await (const row of source as AsyncIterable<ClaimExportRow>) yield `${JSON.stringify(row)}\n`;
          })(),
        );
  // A failed read (the database gone mid-way) ends the response instead of leaving it hanging.
  source.on('error', (error) => stream.destroy(error));
  return { stream, contentType: CONTENT_TYPES[format] };
}
