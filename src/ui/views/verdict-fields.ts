import type { VerdictRules } from '../../settings/desk-settings';
import { html, type Html } from './html';

/** The desk's rating scale as a select: a sourced or disputed verdict's rating, required when the desk says so. */
export function ratingField(prefix: string, scale: VerdictRules, chosen = ''): Html {
  return html`<label for="${prefix}-rating">Rating${scale.requireRating ? ' (required)' : ' (optional)'}</label>
    <select id="${prefix}-rating" name="rating"${scale.requireRating ? html` required` : ''}>
      <option value="">${scale.requireRating ? 'Choose a rating' : 'No rating'}</option>
      ${scale.ratings.map((r) => html`<option value="${r.key}"${r.key === chosen ? html` selected` : ''}>${r.label}</option>`)}
    </select>`;
}
