import { html, type Html } from './html';

/**
 * Where live.js tells of others' moves (it listens to `source`); hidden until there is something to tell. With
 * `parts` (CSS selectors), the page fetches itself again after a move and swaps those parts in.
 */
export function liveRegion(source: string, parts?: string): Html {
  return html`<section class="live alert info" id="live" data-live-source="${source}" ${parts ? html`data-live-parts="${parts}"` : ''} aria-label="Changes by others" hidden>
    <p>Changed since this page loaded (<a href="" data-live-reload="1">Reload</a> to see everything):</p>
    <ul aria-live="polite"></ul>
  </section>`;
}
