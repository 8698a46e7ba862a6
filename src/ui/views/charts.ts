import { html, type Html } from './html';
import { clip } from '../../common/text-rules';

export interface Series {
  key: string;
  label: string;
}

/** A round axis maximum: 1, 2, 5 × 10^n. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value)!;
}

/** Stacked columns, one per row (e.g. a day); colours come from the stylesheet's .fill-<key>. */
export function stackedColumns(
  rows: { label: string; values: Record<string, number> }[],
  series: Series[],
  options: { title: string; labelEvery?: number },
): Html {
  const width = 760;
  const height = 240;
  const left = 36;
  const bottom = 28;
  const top = 10;
  const plotHeight = height - bottom - top;
  const max = niceMax(Math.max(0, ...rows.map((r) => series.reduce((sum, s) => sum + (r.values[s.key] ?? 0), 0))));
  const step = (width - left - 8) / Math.max(rows.length, 1);
  const barWidth = Math.max(2, step * 0.7);
  const every = options.labelEvery ?? Math.ceil(rows.length / 8);
  const gridLines = [0, 0.5, 1].map((f) => {
    const y = top + plotHeight * (1 - f);
    return html`<line class="grid" x1="${left}" x2="${width - 4}" y1="${y}" y2="${y}"></line><text class="axis" x="${left - 6}" y="${y + 4}" text-anchor="end">${Math.round(max * f)}</text>`;
  });
  const columns = rows.map((row, i) => {
    const x = left + i * step + (step - barWidth) / 2;
    let y = top + plotHeight;
    const total = series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0);
    const rects = series.map((s) => {
      const value = row.values[s.key] ?? 0;
      if (!value) return '';
      const h = (value / max) * plotHeight;
      y -= h;
      return html`<rect class="fill-${s.key}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}"></rect>`;
    });
    const label =
      (i % every === 0 && rows.length - 1 - i >= every / 2) || i === rows.length - 1
        ? html`<text class="axis" x="${(x + barWidth / 2).toFixed(1)}" y="${height - 8}" text-anchor="middle">${row.label}</text>`
        : '';
    return html`<g><title>${row.label}: ${series.map((s) => `${s.label} ${row.values[s.key] ?? 0}`).join(', ')} (total ${total})</title>${rects}${label}</g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${options.title}">${gridLines}${columns}</svg>`;
}

/** Horizontal bars, one per row, each on its own track (e.g. backlog out of capacity). */
export function horizontalBars(
  rows: { label: string; value: number; track?: number; text: string; className: string }[],
  options: { title: string; max?: number },
): Html {
  const width = 520;
  const rowHeight = 26;
  const labelWidth = 150;
  const barArea = width - labelWidth - 90;
  const max = options.max ?? niceMax(Math.max(1, ...rows.map((r) => Math.max(r.value, r.track ?? 0))));
  const height = Math.max(rowHeight, rows.length * rowHeight);
  return html`<svg class="chart hbars" viewBox="0 0 ${width} ${height}" role="img" aria-label="${options.title}">${rows.map(
    (row, i) => {
      const y = i * rowHeight + 5;
      const w = (Math.min(row.value, max) / max) * barArea;
      const track = row.track !== undefined ? (Math.min(row.track, max) / max) * barArea : barArea;
      return html`<g><title>${row.label}: ${row.text}</title>
      <text class="label" x="${labelWidth - 8}" y="${y + 12}" text-anchor="end">${row.label.length > 22 ? `${clip(row.label, 21)}…` : row.label}</text>
      <rect class="track" x="${labelWidth}" y="${y}" width="${track.toFixed(1)}" height="16" rx="3"></rect>
      <rect class="${row.className}" x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="16" rx="3"></rect>
      <text class="value" x="${labelWidth + barArea + 8}" y="${y + 12}">${row.text}</text></g>`;
    },
  )}</svg>`;
}
