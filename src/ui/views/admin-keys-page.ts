import type { ApiKeyEntity } from '../../auth/api-key.entity';
import type { Principal } from '../../auth/principal';
import type { NamedRecord } from '../pages.repository';
import { adminLayout, options, postButton } from './admin-console';
import { formatDateTime } from './format';
import { html } from './html';
import { csrfField } from './layout';
import { typed } from './refused-form';

const KEY_ROLES = [
  { value: 'editor', label: 'editor' },
  { value: 'admin', label: 'admin' },
  { value: 'reviewer', label: 'reviewer (name the reviewer)' },
];

export interface KeyOwners {
  people: Map<string, string>;
  reviewers: Map<string, string>;
  integrators: Map<string, string>;
}

/** Who holds a key, in words: a person, an integrator, or nobody named. */
function ownerOf(key: ApiKeyEntity, owners: KeyOwners) {
  if (key.integratorId) return html`integrator ${owners.integrators.get(key.integratorId) ?? key.integratorId}`;
  const person = key.ownerUserId
    ? html`<a href="/ui/admin/people#person-${key.ownerUserId}">${owners.people.get(key.ownerUserId) ?? key.ownerUserId}</a>`
    : null;
  const reviewer = key.reviewerId ? html`reviewer ${owners.reviewers.get(key.reviewerId) ?? key.reviewerId}` : null;
  return person && reviewer
    ? html`${person} · ${reviewer}`
    : (person ?? reviewer ?? html`<span class="muted">nobody named</span>`);
}

const NEW_KEY = '/ui/admin/keys';

export function adminKeysPage(
  principal: Principal,
  keys: ApiKeyEntity[],
  owners: KeyOwners,
  people: NamedRecord[],
  reviewers: NamedRecord[],
): string {
  return adminLayout(
    'API keys',
    principal,
    '/ui/admin/keys',
    html`<h1>API keys</h1>
    <section class="panel" aria-labelledby="new-key-heading"><h2 id="new-key-heading">Create a key</h2>
      <p class="muted">Keys are for machines (automation, scripts). Name the person who holds it: what it does is recorded under them. Integrators’ keys are made with the integrator.</p>
      <form method="post" action="${NEW_KEY}" class="form-grid">${csrfField(principal)}
        <div><label for="key-name">Label</label><input id="key-name" name="name" required maxlength="200" value="${typed(NEW_KEY, 'name')}"></div>
        <div><label for="key-role">Role</label><select id="key-role" name="role">${options(KEY_ROLES, typed(NEW_KEY, 'role', 'editor'))}</select></div>
        <div><label for="key-owner">Owner</label><select id="key-owner" name="ownerUserId">${options([{ value: '', label: 'nobody named' }, ...people.map((p) => ({ value: p.id, label: p.name }))], typed(NEW_KEY, 'ownerUserId'))}</select></div>
        <div><label for="key-reviewer">Reviewer</label><select id="key-reviewer" name="reviewerId">${options([{ value: '', label: '— (reviewer keys only)' }, ...reviewers.map((r) => ({ value: r.id, label: r.name }))], typed(NEW_KEY, 'reviewerId'))}</select></div>
        <div><button type="submit" class="primary">Create key</button></div>
      </form>
    </section>
    <div class="table-wrap"><table class="articles">
      <thead><tr><th scope="col">Label</th><th scope="col">Role</th><th scope="col">Owner</th><th scope="col">Prefix</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Revoked</th></tr></thead>
      <tbody>${keys.map(
        (
          k,
        ) => html`<tr id="key-${k.id}" data-key="${k.name}"><th scope="row">${k.name}</th><td>${k.role}</td><td>${ownerOf(k, owners)}</td><td><code>cdk_${k.prefix}</code></td>
          <td>${formatDateTime(k.createdAt)}</td><td>${formatDateTime(k.lastUsedAt)}</td>
          <td>${k.revokedAt ? formatDateTime(k.revokedAt) : html`<a href="/ui/admin/keys/${k.id}/revoke">Revoke</a>`}</td></tr>`,
      )}</tbody>
    </table></div>`,
  );
}

/** The confirmation step: revoking stops every caller using the key at once, and cannot be undone. */
export function revokeKeyPage(principal: Principal, key: ApiKeyEntity): string {
  return adminLayout(
    `Revoke ${key.name}`,
    principal,
    '/ui/admin/keys',
    html`<section class="panel narrow"><h1>Revoke “${key.name}”?</h1>
      <p>Every caller using <code>cdk_${key.prefix}_…</code> (${key.role}) is refused from the moment you confirm. This cannot be undone: make a new key instead.</p>
      <div class="row-actions">${postButton(principal, `/ui/admin/keys/${key.id}/revoke`, 'Revoke', {}, 'primary')} <a href="/ui/admin/keys">Keep it</a></div>
    </section>`,
  );
}
