import type { Principal } from '../../auth/principal';
import { html } from './html';
import { layout } from './layout';

/** The heading of a refusal with this status. */
export function refusalTitle(status: number): string {
  return status === 403
    ? 'Not for your role'
    : status === 404
      ? 'Not found'
      : status === 400
        ? 'That request was not valid'
        : status === 401
          ? 'Sign-in needed'
          : status === 409
            ? 'That could not be done'
            : 'Something went wrong';
}

/** `back`: the page a refused form was posted from, so the person returns to where they were. */
export function errorPage(
  status: number,
  message: string,
  principal: Principal | null,
  details?: string[],
  back?: string | null,
): string {
  const title = refusalTitle(status);
  return layout(
    { title, principal },
    html`<section class="panel narrow">
      <h1>${title}</h1>
      <p>${message}</p>
      ${details?.length ? html`<ul>${details.map((d) => html`<li>${d}</li>`)}</ul>` : ''}
      <p>${back ? html`<a href="${back}">Back to the page</a> · ` : ''}<a href="/ui/articles">Back to the articles</a>${status === 401 ? html` · <a href="/ui/login">Sign in</a>` : ''}</p>
    </section>`,
  ).value;
}
