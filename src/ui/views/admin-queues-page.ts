import type { Principal } from '../../auth/principal';
import { adminLayout, postButton } from './admin-console';
import type { QueueView } from './admin-page';
import { html } from './html';

export function adminQueuesPage(principal: Principal, queues: QueueView[]): string {
  return adminLayout(
    'Queues',
    principal,
    '/ui/admin/queues',
    html`<div class="bench-head"><h1>Queues</h1><a class="button" href="/admin/queues/ui">Inspect jobs in the queue dashboard →</a></div>
    <p class="muted">A paused queue keeps its jobs; no worker takes new ones until it is resumed. Postgres stays the truth: nothing is lost while paused.</p>
    <div class="table-wrap"><table class="articles">
      <thead><tr><th scope="col">Queue</th><th scope="col">State</th><th scope="col" class="num">Waiting</th><th scope="col" class="num">Active</th><th scope="col" class="num">Delayed</th><th scope="col" class="num">Failed</th><th scope="col" class="num">Completed</th><th scope="col">Actions</th></tr></thead>
      <tbody>${queues.map(
        (
          q,
        ) => html`<tr data-queue="${q.name}"><th scope="row">${q.name}</th><td>${q.paused ? html`<span class="chip bad">paused</span>` : 'running'}</td>
          <td class="num">${q.waiting}</td><td class="num">${q.active}</td><td class="num">${q.delayed}</td><td class="num">${q.failed}</td><td class="num">${q.completed}</td>
          <td><div class="row-actions">${postButton(principal, `/ui/admin/queues/${q.name}/${q.paused ? 'resume' : 'pause'}`, `${q.paused ? 'Resume' : 'Pause'} ${q.name}`)}
            ${q.failed ? postButton(principal, `/ui/admin/queues/${q.name}/retry`, `Retry ${q.failed} failed`) : ''}</div></td></tr>`,
      )}</tbody>
    </table></div>`,
  );
}
