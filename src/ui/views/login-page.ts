import { html } from './html';
import { layout } from './layout';

export function loginPage(next: string | null, error: string | null): string {
  return layout(
    { title: 'Sign in' },
    html`<section class="panel narrow">
      <h1>Sign in</h1>
      <p class="muted">Use the API key you were given. It is kept in an HTTP-only cookie for this browser until you sign out.</p>
      ${error ? html`<p class="alert error" role="alert">${error}</p>` : ''}
      <form method="post" action="/ui/login" class="stack">
        <label for="apiKey">API key</label>
        <input id="apiKey" name="apiKey" type="password" autocomplete="current-password" required spellcheck="false" placeholder="cdk_…">
        ${next ? html`<input type="hidden" name="next" value="${next}">` : ''}
        <button type="submit" class="primary">Sign in</button>
      </form>
    </section>`,
  ).value;
}
