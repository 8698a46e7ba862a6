import type { Principal } from '../../auth/principal';
import { SECOND_OPINION_STATUSES, type DeskSettings, type RatingStep } from '../../settings/desk-settings';
import { adminLayout } from './admin-console';
import { html } from './html';
import { csrfField } from './layout';
import { typed, typedChecked } from './refused-form';

const ACTION = '/ui/admin/settings';

/** The scale as the form edits it: one step a line, "key | label | value". */
export function scaleLines(ratings: RatingStep[]): string {
  return ratings.map((r) => `${r.key} | ${r.label} | ${r.ratingValue}`).join('\n');
}

function checkbox(name: string, label: string, stored: boolean, value = 'on') {
  const id = `settings-${name}-${value}`;
  return html`<div class="check"><input id="${id}" name="${name}" type="checkbox" value="${value}"${typedChecked(ACTION, name, value, stored) ? html` checked` : ''}><label for="${id}">${label}</label></div>`;
}

/** The desk's settings in the admin console: the rating scale, what a verdict must carry, the second opinion. */
export function adminSettingsPage(principal: Principal, settings: DeskSettings, saved: boolean): string {
  const second = settings.secondOpinion;
  return adminLayout(
    'Settings',
    principal,
    ACTION,
    html`<h1>Desk settings</h1>
    ${saved ? html`<p class="alert ok" role="status" id="notice">Settings saved. Every page and worker uses them from now on.</p>` : ''}
    <form method="post" action="${ACTION}" class="form-grid settings-form">${csrfField(principal)}
      <section class="panel" aria-labelledby="scale-heading"><h2 id="scale-heading">Rating scale</h2>
        <label for="settings-ratings">Steps, one a line: key | label | value</label>
        <textarea id="settings-ratings" name="ratings" rows="9" maxlength="5000" spellcheck="false" aria-describedby="settings-ratings-hint">${typed(ACTION, 'ratings', scaleLines(settings.ratings))}</textarea>
        <p id="settings-ratings-hint" class="muted">Keys are lowercase words joined by hyphens; a verdict carries the key. The highest value is ClaimReview’s best rating, the lowest its worst. A key taken off the scale leaves verdicts that carry it unrated in what the desk publishes.</p>
        ${checkbox('requireRating', 'A sourced or disputed verdict must carry a rating', settings.requireRating)}
        ${checkbox('requirePublicNote', 'A disputed verdict must give readers its rationale', settings.requirePublicNote)}
      </section>
      <section class="panel" aria-labelledby="second-heading"><h2 id="second-heading">Second opinion</h2>
        <p class="muted">A verdict in scope is recorded but not published until someone other than its author approves it.</p>
        ${checkbox('secondOpinion', 'Verdicts need a second opinion', second.enabled)}
        <div><label for="settings-min">From check-worthiness (0–1)</label><input id="settings-min" name="minCheckworthiness" type="number" min="0" max="1" step="0.01" inputmode="decimal" value="${typed(ACTION, 'minCheckworthiness', second.minCheckworthiness)}"></div>
        <fieldset><legend>For verdicts</legend>${SECOND_OPINION_STATUSES.map((status) =>
          checkbox('statuses', status, second.statuses.includes(status), status),
        )}</fieldset>
      </section>
      <div><button type="submit" class="primary">Save settings</button></div>
    </form>`,
  );
}
