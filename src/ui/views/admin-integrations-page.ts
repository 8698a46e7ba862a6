import type { Principal } from '../../auth/principal';
import { CALLBACK_EVENTS } from '../../integrations/callback-events';
import type { CallbackEndpoint } from '../../integrations/callback-endpoints.repository';
import type { CallbackDelivery } from '../../integrations/callback-outbox.repository';
import type { Integrator } from '../../integrations/integrators.repository';
import { adminLayout, postButton } from './admin-console';
import { formatDateTime } from './format';
import { html } from './html';
import { csrfField } from './layout';
import { typed, typedChecked } from './refused-form';

function endpointRow(endpoint: CallbackEndpoint) {
  return html`<li id="endpoint-${endpoint.id}"><a href="/ui/admin/endpoints/${endpoint.id}">${endpoint.url}</a> <span class="muted">(${endpoint.events.join(', ')})</span>
    ${endpoint.disabledAt ? html`<span class="chip bad">disabled: ${endpoint.disabledReason ?? ''}</span>` : ''}</li>`;
}

/** The integrator's id and the address its signed webhooks go to, which must name it (inline text). */
export function webhookAddress(integratorId: string) {
  return html`Integrator id <code data-integrator-id>${integratorId}</code>; it posts articles to
    <code>POST /webhooks/articles?integrator=${integratorId}</code>.`;
}

export function adminIntegratorsPage(
  principal: Principal,
  integrators: Integrator[],
  endpoints: CallbackEndpoint[],
): string {
  const known = new Set(integrators.map((i) => i.id));
  const others = endpoints.filter((e) => !known.has(e.ownerId));
  return adminLayout(
    'Integrators',
    principal,
    '/ui/admin/integrators',
    html`<h1>Integrators and callback endpoints</h1>
    <section class="panel" aria-labelledby="new-integrator-heading"><h2 id="new-integrator-heading">Register an integrator</h2>
      <p class="muted">It gets an API key and a webhook secret, shown on the next page once. Its callback endpoints it adds itself (<code>POST /integrations/endpoints</code>), or you add them below.</p>
      <form method="post" action="/ui/admin/integrators" class="form-grid">${csrfField(principal)}
        <div><label for="integrator-name">Name</label><input id="integrator-name" name="name" required maxlength="200" value="${typed('/ui/admin/integrators', 'name')}"></div>
        <div><button type="submit" class="primary">Register integrator</button></div>
      </form>
    </section>
    ${integrators.length === 0 ? html`<p class="muted">No integrators yet.</p>` : ''}
    ${integrators.map((integrator) => {
      const own = endpoints.filter((e) => e.ownerId === integrator.id);
      return html`<section class="panel" id="integrator-${integrator.id}" aria-labelledby="integrator-${integrator.id}-name">
        <div class="bench-head"><h2 id="integrator-${integrator.id}-name">${integrator.name}</h2>
          ${postButton(principal, `/ui/admin/integrators/${integrator.id}/rotate-secret`, 'Rotate webhook secret')}</div>
        <p class="muted">Since ${formatDateTime(integrator.createdAt)}</p>
        <p>${webhookAddress(integrator.id)}</p>
        <h3>Callback endpoints</h3>
        ${own.length ? html`<ul>${own.map(endpointRow)}</ul>` : html`<p class="muted">None.</p>`}
        ${endpointForm(principal, integrator)}
      </section>`;
    })}
    ${others.length ? html`<section class="panel"><h2>Endpoints of other owners</h2><ul>${others.map(endpointRow)}</ul></section>` : ''}`,
  );
}

function endpointForm(principal: Principal, integrator: Integrator) {
  const field = (name: string) => `${name}-${integrator.id}`;
  const action = `/ui/admin/integrators/${integrator.id}/endpoints`;
  return html`<form method="post" action="${action}" class="form-grid" aria-label="Add a callback endpoint for ${integrator.name}">${csrfField(principal)}
    <div><label for="${field('endpoint-url')}">Callback URL</label><input id="${field('endpoint-url')}" name="url" type="url" required maxlength="2000" placeholder="https://cms.example/claimdesk-callbacks" value="${typed(action, 'url')}"></div>
    <fieldset><legend>Events</legend>${CALLBACK_EVENTS.map(
      (event) =>
        html`<label><input type="checkbox" name="events" value="${event}"${typedChecked(action, 'events', event, true) ? html` checked` : ''}> ${event}</label> `,
    )}</fieldset>
    <div><button type="submit">Add endpoint</button></div>
  </form>`;
}

const STATUS_CHIP: Record<CallbackDelivery['status'], string> = {
  pending: 'pending',
  delivered: 'done',
  failed: 'bad',
};

export function adminEndpointPage(
  principal: Principal,
  endpoint: CallbackEndpoint,
  owner: string,
  deliveries: CallbackDelivery[],
  nextCursor: string | null,
): string {
  return adminLayout(
    'Callback endpoint',
    principal,
    '/ui/admin/integrators',
    html`<p class="crumbs"><a href="/ui/admin/integrators">Integrators</a> · ${owner}</p>
    <div class="bench-head"><h1>${endpoint.url}</h1>
      ${endpoint.disabledAt ? html`<span class="chip bad">disabled: ${endpoint.disabledReason ?? ''}</span>` : html`${postButton(principal, `/ui/admin/endpoints/${endpoint.id}/rotate-secret`, 'Rotate signing secret')} ${postButton(principal, `/ui/admin/endpoints/${endpoint.id}/disable`, 'Disable')}`}</div>
    <p class="muted">Events: ${endpoint.events.join(', ')} · since ${formatDateTime(endpoint.createdAt)}</p>
    <h2>Recent deliveries</h2>
    ${
      deliveries.length === 0
        ? html`<p class="muted">None yet.</p>`
        : html`<div class="table-wrap"><table class="articles">
      <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col" class="num">Attempts</th><th scope="col">Last answer</th><th scope="col">Created</th><th scope="col">Next attempt</th><th scope="col"></th></tr></thead>
      <tbody>${deliveries.map((d) => {
        const last = d.attemptLog[d.attemptLog.length - 1];
        return html`<tr id="delivery-${d.id}" data-delivery="${d.id}"><th scope="row">${d.event}</th><td><span class="chip ${STATUS_CHIP[d.status]}">${d.status}</span></td><td class="num">${d.attempts}</td>
          <td>${last ? (last.responseStatus ? `HTTP ${last.responseStatus}` : (last.error ?? '—')) : '—'}</td><td>${formatDateTime(d.createdAt)}</td><td>${formatDateTime(d.nextAttemptAt)}</td>
          <td>${endpoint.disabledAt ? '' : postButton(principal, `/ui/admin/endpoints/${endpoint.id}/deliveries/${d.id}/redeliver`, 'Redeliver')}</td></tr>`;
      })}</tbody></table></div>`
    }
    ${nextCursor ? html`<p class="pager"><a href="/ui/admin/endpoints/${endpoint.id}?cursor=${encodeURIComponent(nextCursor)}">Older deliveries →</a></p>` : ''}`,
  );
}
