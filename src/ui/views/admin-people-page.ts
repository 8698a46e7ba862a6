import type { Principal } from '../../auth/principal';
import type { NamedRecord } from '../pages.repository';
import { PERSON_ROLES, type UserEntity } from '../../people/user.entity';
import { adminLayout, options, postButton } from './admin-console';
import { formatDateTime } from './format';
import { html } from './html';
import { typed } from './refused-form';
import { csrfField } from './layout';

const ROLE_CHOICES = PERSON_ROLES.map((role) => ({ value: role, label: role }));

const INVITE = '/ui/admin/people';

export function adminPeoplePage(
  principal: Principal,
  people: UserEntity[],
  lastSeen: Map<string, Date>,
  reviewers: NamedRecord[],
): string {
  return adminLayout(
    'People',
    principal,
    '/ui/admin/people',
    html`<h1>People and invitations</h1>
    <section class="panel" aria-labelledby="invite-heading"><h2 id="invite-heading">Invite a person</h2>
      <p class="muted">They get a one-time link (valid 72 h) to set a password; the link is shown on the next page, once.</p>
      <form method="post" action="${INVITE}" class="form-grid">${csrfField(principal)}
        <div><label for="invite-name">Name</label><input id="invite-name" name="name" required maxlength="200" value="${typed(INVITE, 'name')}"></div>
        <div><label for="invite-email">Email</label><input id="invite-email" name="email" type="email" required maxlength="320" value="${typed(INVITE, 'email')}"></div>
        <div><label for="invite-role">Role</label><select id="invite-role" name="role">${options(ROLE_CHOICES, typed(INVITE, 'role', 'editor'))}</select></div>
        <div><label for="invite-reviewer">Reviewer profile</label><select id="invite-reviewer" name="reviewerId">
          ${options([{ value: '', label: 'a new one (reviewers only)' }, ...reviewers.map((r) => ({ value: r.id, label: r.name }))], typed(INVITE, 'reviewerId'))}</select></div>
        <div><button type="submit" class="primary">Invite</button></div>
      </form>
    </section>
    <div class="table-wrap"><table class="articles">
      <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Active</th><th scope="col">2FA</th><th scope="col">Password</th><th scope="col">Last seen</th><th scope="col">Actions</th></tr></thead>
      <tbody>${people.map(
        (p) => html`<tr id="person-${p.id}" data-person="${p.email}">
          <th scope="row">${p.name}</th><td>${p.email}</td><td>${p.role}</td><td>${p.active ? 'yes' : html`<span class="chip bad">deactivated</span>`}</td>
          <td>${p.totpEnabledAt ? 'on' : 'off'}</td><td>${p.passwordHash ? 'set' : 'invited'}</td><td>${formatDateTime(lastSeen.get(p.id))}</td>
          <td><div class="row-actions">
            <form method="post" action="/ui/admin/people/${p.id}">${csrfField(principal)}
              <label class="visually-hidden" for="role-${p.id}">Role of ${p.name}</label>
              <select id="role-${p.id}" name="role">${options(ROLE_CHOICES, p.role)}</select><button type="submit">Change role</button></form>
            ${postButton(principal, `/ui/admin/people/${p.id}`, p.active ? 'Deactivate' : 'Reactivate', { active: String(!p.active) })}
            ${postButton(principal, `/ui/admin/people/${p.id}/reset`, 'Reset link')}
            ${p.totpEnabledAt ? postButton(principal, `/ui/admin/people/${p.id}/two-factor/reset`, 'Turn off 2FA') : ''}
          </div></td></tr>`,
      )}</tbody>
    </table></div>`,
  );
}
