import { AsyncLocalStorage } from 'node:async_hooks';
import { html, type Html } from './html';

/**
 * A form the desk refused (invalid input, a conflict), while the page it was posted from is rendered again around it:
 * that form shows what was typed and the page says why (see UiExceptionFilter). Secrets are never carried back.
 */
export interface RefusedForm {
  /** The path the form was posted to: the form on the page whose action has this path gets the values. */
  action: string;
  fields: Record<string, string | string[]>;
  status: number;
  code: string | null;
  title: string;
  message: string;
  /** Field → messages, for invalid input. */
  problems: string[];
  /** Set by a view that explains the refusal itself, so the page does not say it twice. */
  explained: boolean;
}

const SECRET_FIELDS = new Set(['_csrf', 'password', 'confirmation', 'currentPassword', 'newPassword', 'code', 'token']);

const rendering = new AsyncLocalStorage<RefusedForm>();

export function withRefusedForm<T>(refused: RefusedForm, render: () => T): T {
  return rendering.run(refused, render);
}

const isTyped = (value: unknown): value is string | string[] =>
  typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));

/** The posted fields worth showing again (a field sent more than once, as checkboxes are, is a list), never a secret. */
export function typedFields(body: unknown): Record<string, string | string[]> {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body).filter(
      (entry): entry is [string, string | string[]] => isTyped(entry[1]) && !SECRET_FIELDS.has(entry[0]),
    ),
  );
}

/** The refused form, when the page being rendered is shown again around one posted to `action`. */
export function refusedAt(action: string): RefusedForm | null {
  const refused = rendering.getStore();
  return refused && refused.action === action.split('?')[0] ? refused : null;
}

/** A field's value: what was typed into the refused form posted to `action`, else `fallback`. */
export function typed(action: string, name: string, fallback: string | number | null | undefined = ''): string {
  const value = refusedAt(action)?.fields[name];
  return value === undefined ? String(fallback ?? '') : [value].flat().join(', ');
}

/** Whether a checkbox is ticked: as it was sent in the refused form posted to `action` (unsent: unticked), else `fallback`. */
export function typedChecked(action: string, name: string, value: string, fallback: boolean): boolean {
  const refused = refusedAt(action);
  return refused ? [refused.fields[name] ?? []].flat().includes(value) : fallback;
}

/** Why the form was refused, at the top of the page (unless a view said it where the form is). */
export function refusalNotice(): Html | '' {
  const refused = rendering.getStore();
  if (!refused || refused.explained) return '';
  return html`<div class="alert error" role="alert" id="refused">
    <p><strong>${refused.title}.</strong> ${refused.message}</p>
    ${
      refused.problems.length
        ? html`<ul>
            ${refused.problems.map((p) => html`<li>${p}</li>`)}
          </ul>`
        : ''
    }
    <p>What you typed is kept in the form below: correct it and send it again.</p>
  </div>`;
}
