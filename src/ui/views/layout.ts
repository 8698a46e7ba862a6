import type { Principal } from '../../auth/principal';
import type { Role } from '../../auth/role';
import { assetUrl } from '../page-assets';
import { currentTimeZone } from './format';
import { html, type Html } from './html';
import { refusalNotice } from './refused-form';
import { currentSavedViews } from './saved-views-nav';

interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

const NAV: readonly NavItem[] = [
  { href: '/ui/articles', label: 'Articles', roles: ['admin', 'editor', 'reviewer', 'integrator'] },
  { href: '/ui/review', label: 'Workbench', roles: ['reviewer'] },
  { href: '/ui/search', label: 'Search', roles: ['admin', 'editor', 'reviewer'] },
  { href: '/ui/admin', label: 'Admin', roles: ['admin'] },
  { href: '/ui/admin/audit', label: 'Audit log', roles: ['admin', 'editor'] },
  { href: '/admin/queues/ui', label: 'Queues', roles: ['admin'] },
];

export interface PageOptions {
  title: string;
  principal?: Principal | null;
  /** Which nav entry is current. */
  section?: string;
  scripts?: string[];
}

/** The session's CSRF token as a form field (signed in with a Bearer key there is no session, and no field). */
export function csrfField(principal: Principal): Html | '' {
  return principal.csrfToken ? html`<input type="hidden" name="_csrf" value="${principal.csrfToken}">` : '';
}

/** People have notifications; keys without a person, and integrators, have none. */
function hasBell(principal: Principal | null | undefined): principal is Principal {
  return !!principal?.userId && principal.role !== 'integrator';
}

/** The shell of every page: no inline script or style, so a strict Content-Security-Policy holds. */
export function layout(options: PageOptions, body: Html): Html {
  const principal = options.principal;
  const items = principal ? NAV.filter((item) => item.roles.includes(principal.role)) : [];
  const views = currentSavedViews();
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · claimdesk</title>
${principal?.csrfToken ? html`<meta name="csrf-token" content="${principal.csrfToken}">` : ''}
<link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${assetUrl('ui.css')}">
${(options.scripts ?? []).map((src) => html`<script src="${assetUrl(src)}" defer></script>`)}
${hasBell(principal) ? html`<script src="${assetUrl('bell.js')}" defer></script>` : ''}
</head>
<body data-time-zone="${currentTimeZone()}">
<a class="skip" href="#main">Skip to content</a>
<header class="topbar">
  <a class="brand" href="/ui/articles">claimdesk</a>
  <nav aria-label="Main"><ul>${items.map(
    (item) =>
      html`<li><a href="${item.href}"${item.href === options.section ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
  )}${
    views.length
      ? html`<li><details class="views-menu"><summary>Saved views</summary><ul>${views.map(
          (view) => html`<li><a href="${view.url}">${view.name}</a></li>`,
        )}</ul></details></li>`
      : ''
  }</ul></nav>
  ${
    hasBell(principal)
      ? html`<a class="bell" href="/ui/notifications" data-bell${options.section === '/ui/notifications' ? html` aria-current="page"` : ''}>Notifications <span class="bell-count" data-bell-count hidden></span></a>`
      : ''
  }
  ${
    principal
      ? html`<form class="signout" method="post" action="/ui/logout">${csrfField(principal)}<a class="who" href="/ui/account">${principal.name} · ${principal.role}</a> <button type="submit" class="link">Sign out</button></form>`
      : ''
  }
</header>
<main id="main">
${refusalNotice()}${body}
</main>
</body>
</html>`;
}
