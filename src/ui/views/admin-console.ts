import type { Principal } from '../../auth/principal';
import { html, type Html } from './html';
import { csrfField, layout } from './layout';

const SECTIONS = [
  { href: '/ui/admin', label: 'Overview' },
  { href: '/ui/admin/people', label: 'People' },
  { href: '/ui/admin/reviewers', label: 'Reviewers' },
  { href: '/ui/admin/keys', label: 'API keys' },
  { href: '/ui/admin/integrators', label: 'Integrators' },
  { href: '/ui/admin/settings', label: 'Settings' },
  { href: '/ui/admin/queues', label: 'Queues' },
  { href: '/ui/admin/audit', label: 'Audit log' },
] as const;

export type AdminSection = (typeof SECTIONS)[number]['href'];

/** A page of the admin console: the console's own navigation above the body (for admins: editors read only the audit log). */
export function adminLayout(title: string, principal: Principal, section: AdminSection, body: Html): string {
  const subnav = html`<nav class="subnav" aria-label="Admin console"><ul>${SECTIONS.map(
    (s) => html`<li><a href="${s.href}"${s.href === section ? html` aria-current="page"` : ''}>${s.label}</a></li>`,
  )}</ul></nav>`;
  return layout(
    { title, principal, section: section === '/ui/admin/audit' ? section : '/ui/admin' },
    html`${principal.role === 'admin' ? subnav : ''}${body}`,
  ).value;
}

/** A one-field form that posts to `action` with the session's CSRF token: the console's buttons. */
export function postButton(
  principal: Principal,
  action: string,
  label: string,
  fields: Record<string, string> = {},
  className = '',
): Html {
  return html`<form method="post" action="${action}">${csrfField(principal)}${Object.entries(fields).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  )}<button type="submit"${className ? html` class="${className}"` : ''}>${label}</button></form>`;
}

export interface ShownSecret {
  label: string;
  value: string;
}

/** A secret made just now, shown on this answer only (never in a URL): the page is not cached and not shown again. */
export function secretPage(
  principal: Principal,
  section: AdminSection,
  title: string,
  intro: Html | string,
  secrets: ShownSecret[],
  back: { href: string; label: string },
): string {
  return adminLayout(
    title,
    principal,
    section,
    html`<section class="panel narrow"><h1>${title}</h1>
      <p>${intro}</p>
      ${secrets.map((s) => html`<h2>${s.label}</h2><code class="secret" data-secret="${s.label}">${s.value}</code>`)}
      <p class="alert info">This is shown once: copy it now. The desk will not show it again.</p>
      <p><a href="${back.href}">${back.label}</a></p>
    </section>`,
  );
}

/** `<option>`s, with the current value selected. */
export function options(
  choices: readonly { value: string; label: string }[],
  current: string | null | undefined,
): Html[] {
  return choices.map(
    (c) => html`<option value="${c.value}"${c.value === (current ?? '') ? html` selected` : ''}>${c.label}</option>`,
  );
}
