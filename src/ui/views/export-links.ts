import type { Principal } from '../../auth/principal';
import { html, type Html } from './html';

/** Exports are for the desk's editors and admins (reviewer identities are in them). */
export function canExport(principal: Principal): boolean {
  return principal.role === 'admin' || principal.role === 'editor';
}

/** Links that download every claim these filters select, as CSV or as JSON Lines. */
export function exportLinks(filters: URLSearchParams): Html {
  const href = (format: string) => {
    const params = new URLSearchParams([...filters].filter(([name]) => name !== 'kind' && name !== 'page'));
    params.set('format', format);
    return `/ui/claims/export?${params}`;
  };
  return html`<p class="export-links">Export these claims:
    <a href="${href('csv')}" download data-export="csv">CSV</a> · <a href="${href('jsonl')}" download data-export="jsonl">JSON Lines</a></p>`;
}
