import type { Principal } from '../../auth/principal';
import { html, type Html } from './html';
import { layout } from './layout';

const alert = (error: string | null, kind = 'error') =>
  error ? html`<p class="alert ${kind}" role="alert">${error}</p>` : '';
const nextField = (next: string | null) => (next ? html`<input type="hidden" name="next" value="${next}">` : '');
const csrf = (token: string) => html`<input type="hidden" name="_csrf" value="${token}">`;

function panel(title: string, body: Html, principal: Principal | null = null): string {
  return layout({ title, principal }, html`<section class="panel narrow"><h1>${title}</h1>${body}</section>`).value;
}

export interface LoginPageOptions {
  next: string | null;
  error?: string | null;
  notice?: string | null;
  email?: string;
  sso: boolean;
}

export function loginPage(options: LoginPageOptions): string {
  return panel(
    'Sign in',
    html`${alert(options.error ?? null)}${alert(options.notice ?? null, 'info')}
      <form method="post" action="/ui/login" class="stack">
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required value="${options.email ?? ''}">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        ${nextField(options.next)}
        <button type="submit" class="primary">Sign in</button>
      </form>
      ${options.sso ? html`<p><a class="button" href="/ui/sso${options.next ? `?next=${encodeURIComponent(options.next)}` : ''}">Sign in with single sign-on</a></p>` : ''}
      <p class="muted">No password yet, or forgotten it? An admin sends you a link to set one.</p>`,
  );
}

export function codePage(csrfToken: string, next: string | null, error: string | null): string {
  return panel(
    'Your code',
    html`${alert(error)}<p>Enter the six-digit code your authenticator app shows for claimdesk.</p>
      <form method="post" action="/ui/login/code" class="stack">
        <label for="code">Code</label>
        <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" required>
        ${csrf(csrfToken)}${nextField(next)}
        <button type="submit" class="primary">Continue</button>
      </form>`,
  );
}

export function passwordPage(
  purpose: 'invitation' | 'reset',
  person: { name: string; email: string },
  token: string,
  error: string | null,
): string {
  return panel(
    purpose === 'invitation' ? `Welcome, ${person.name}` : 'Set a new password',
    html`${alert(error)}<p>Choose a password for <strong>${person.email}</strong>: at least 12 characters, not a common one. A passphrase of a few words works well.</p>
      <form method="post" action="/ui/password" class="stack">
        <input type="hidden" name="token" value="${token}">
        <input type="text" id="username" autocomplete="username" value="${person.email}" hidden readonly>
        <label for="password">New password</label>
        <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required>
        <label for="confirmation">The same again</label>
        <input id="confirmation" name="confirmation" type="password" autocomplete="new-password" minlength="12" required>
        <button type="submit" class="primary">Set password</button>
      </form>`,
  );
}

export function linkGonePage(): string {
  return panel(
    'This link no longer works',
    html`<p>It has been used, or it has expired (links work once, for 72 hours). Ask an admin for a new one.</p><p><a href="/ui/login">Sign in</a></p>`,
  );
}

export interface TotpPageOptions {
  secret: string;
  uri: string;
  qrCode: string;
  csrfToken: string;
  mandatory: boolean;
  error: string | null;
}

export function totpPage(options: TotpPageOptions, principal: Principal | null): string {
  return panel(
    'Set up two-factor sign-in',
    html`${options.mandatory ? html`<p class="alert info">Your role signs in with a code from an authenticator app as well as a password. Set it up to continue.</p>` : ''}
      ${alert(options.error)}
      <p>Scan this code with an authenticator app (or enter the key by hand), then type the six-digit code it shows.</p>
      <p><img class="qr" src="${options.qrCode}" alt="QR code for your authenticator app" width="220" height="220"></p>
      <p>Key: <code data-totp-secret>${options.secret}</code></p>
      <p class="muted"><small><a href="${options.uri}">${options.uri}</a></small></p>
      <form method="post" action="/ui/account/totp" class="stack">
        <label for="code">Code from the app</label>
        <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
        ${csrf(options.csrfToken)}
        <button type="submit" class="primary">Turn on two-factor sign-in</button>
      </form>`,
    principal,
  );
}

/** Every zone the runtime knows (IANA names), UTC first. */
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

function timeZoneForm(principal: Principal, timeZone: string | null, deskTimeZone: string): Html {
  return html`<form method="post" action="/ui/account/time-zone" class="stack">
    ${principal.csrfToken ? csrf(principal.csrfToken) : ''}
    <label for="time-zone">Time zone</label>
    <select id="time-zone" name="timeZone">
      <option value=""${timeZone ? '' : html` selected`}>The desk’s (${deskTimeZone})</option>
      ${TIME_ZONES.map((zone) => html`<option${zone === timeZone ? html` selected` : ''}>${zone}</option>`)}
    </select>
    <button type="submit">Save time zone</button>
  </form>`;
}

export function accountPage(
  principal: Principal,
  person: { email: string; twoFactor: boolean; timeZone: string | null; deskTimeZone: string },
  notice: string | null,
): string {
  return panel(
    'Your account',
    html`${alert(notice, 'info')}
      <dl><dt>Name</dt><dd>${principal.name}</dd><dt>Email</dt><dd>${person.email}</dd><dt>Role</dt><dd>${principal.role}</dd>
      <dt>Two-factor sign-in</dt><dd data-two-factor="${person.twoFactor ? 'on' : 'off'}">${person.twoFactor ? 'on' : html`off · <a href="/ui/account/totp">set it up</a>`}</dd>
      <dt>Dates shown in</dt><dd data-time-zone="${person.timeZone ?? person.deskTimeZone}">${person.timeZone ?? person.deskTimeZone}</dd></dl>
      ${timeZoneForm(principal, person.timeZone, person.deskTimeZone)}
      <form method="post" action="/ui/account/sign-out-everywhere">
        ${principal.csrfToken ? csrf(principal.csrfToken) : ''}
        <button type="submit">Sign out everywhere</button>
      </form>`,
    principal,
  );
}
