import { html, type Html } from './html';

/**
 * Where live.js tells of others' moves (it listens to `source`); hidden until there is something to tell. With
 * `summarySource`, the page's Verification panel is fetched again from there after a move.
 */
export function liveRegion(source: string, summarySource?: string): Html {
  return html`<section class="live alert info" id="live" data-live-source="${source}" ${summarySource ? html`data-live-summary="${summarySource}"` : ''} aria-label="Changes by others" hidden>
    <p>Changed since this page loaded (<a href="" data-live-reload="1">Reload</a> to see everything):</p>
    <ul aria-live="polite"></ul>
  </section>`;
}
