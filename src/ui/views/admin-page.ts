import type { ClaimSummary } from '../../claims/article.response';
import type { Principal } from '../../auth/principal';
import type { DeskStats } from '../../admin/stats.service';
import type { FailingDeliveries } from '../../integrations/callback-outbox.repository';
import { horizontalBars, stackedColumns } from './charts';
import { formatDateTime, formatDuration } from './format';
import { html } from './html';
import { adminLayout } from './admin-console';
import { legend, stackedBar, verdictShare } from './status';

export interface QueueView {
  name: string;
  paused: boolean;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  recentFailures: { id?: string; name: string; failedReason: string; attemptsMade: number; finishedOn: Date | null }[];
}

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

export function adminPage(
  stats: DeskStats,
  queues: QueueView[],
  unreachable: { count: number; cap: number },
  callbacks: FailingDeliveries,
  principal: Principal,
): string {
  const summary: ClaimSummary = {
    total: Object.values(stats.claimsPerStatus).reduce((a, b) => a + b, 0) + stats.pendingApproval,
    ...stats.claimsPerStatus,
    pendingApproval: stats.pendingApproval,
  };
  const share = verdictShare(summary);
  const backlog = stats.reviewers.reduce((sum, r) => sum + r.backlog, 0);
  const verdicts = stats.verdictsPerDay.reduce((sum, d) => sum + d.sourced + d.disputed + d.dismissed, 0);
  const failed = queues.reduce((sum, q) => sum + q.failed, 0);
  const failingCallbacks = callbacks.retrying + callbacks.gaveUp;
  const failures = queues.flatMap((q) => q.recentFailures.map((f) => ({ ...f, queue: q.name }))).slice(0, 20);
  const queueMax = Math.max(1, ...queues.map((q) => QUEUE_STATES.reduce((sum, s) => sum + q[s], 0)));
  return adminLayout(
    'Admin overview',
    principal,
    '/ui/admin',
    html`<div class="bench-head"><h1>The desk at a glance</h1><a class="button" href="/admin/queues/ui">Open the queue dashboard →</a></div>
    <ul class="kpis">
      <li><span class="big">${share.percent}%</span> claims with a verdict <span class="muted">(${share.decided} of ${share.counted})</span></li>
      <li><span class="big">${formatDuration(stats.medianSecondsToFirstVerdict)}</span> median from posting to first verdict <span class="muted">(${stats.windowDays} days)</span></li>
      <li><span class="big">${backlog}</span> claims in reviewers’ hands</li>
      <li id="unreachable"><span class="big${unreachable.count ? ' bad' : ''}">${unreachable.count >= unreachable.cap ? `${unreachable.cap}+` : unreachable.count}</span> claims waiting that no reviewer can take <span class="muted">(no active reviewer with a person or key, their language and topics)</span></li>
      <li><span class="big${failed ? ' bad' : ''}">${failed}</span> failed jobs</li>
      <li data-kpi="failing-callbacks"><span class="big${failingCallbacks ? ' bad' : ''}">${failingCallbacks}</span> failing callbacks <span class="muted">(${callbacks.retrying} retrying, ${callbacks.gaveUp} given up)</span>${failingCallbacks ? html` <a href="/ui/admin/integrators">See the endpoints</a>` : ''}</li>
    </ul>
    <section class="panel" aria-labelledby="status-heading"><h2 id="status-heading">Claims per status</h2>
      ${stackedBar(summary, { label: `Claims per status: ${share.decided} of ${share.counted} have a verdict` })}${legend(summary)}</section>
    <section class="panel" aria-labelledby="verdicts-heading"><h2 id="verdicts-heading">Verdicts per day <span class="muted">(${verdicts} in ${stats.windowDays} days, UTC)</span></h2>
      ${stackedColumns(
        stats.verdictsPerDay.map((d) => ({
          label: d.day.slice(5),
          values: { sourced: d.sourced, disputed: d.disputed, dismissed: d.dismissed },
        })),
        [
          { key: 'sourced', label: 'sourced' },
          { key: 'disputed', label: 'disputed' },
          { key: 'dismissed', label: 'dismissed' },
        ],
        { title: `Verdicts per day over ${stats.windowDays} days` },
      )}
      <ul class="legend compact"><li><span class="swatch fill-bg-sourced"></span>sourced</li><li><span class="swatch fill-bg-disputed"></span>disputed</li><li><span class="swatch fill-bg-dismissed"></span>dismissed</li></ul>
    </section>
    <div class="columns even">
      <section class="panel" aria-labelledby="reviewers-heading"><h2 id="reviewers-heading">Reviewers</h2>
        ${
          stats.reviewers.length === 0
            ? html`<p class="muted">No reviewers yet.</p>`
            : html`<h3>Backlog <span class="muted">(open claims out of capacity)</span></h3>
            ${horizontalBars(
              stats.reviewers.map((r) => ({
                label: r.active ? r.name : `${r.name} (inactive)`,
                value: r.backlog,
                track: r.capacity,
                text: `${r.backlog} / ${r.capacity}`,
                className: r.backlog >= r.capacity ? 'fill-full' : 'fill-backlog',
              })),
              { title: 'Backlog per reviewer' },
            )}
            <h3>Throughput <span class="muted">(verdicts in ${stats.windowDays} days)</span></h3>
            ${horizontalBars(
              stats.reviewers.map((r) => ({
                label: r.name,
                value: r.verdicts,
                text: String(r.verdicts),
                className: 'fill-throughput',
              })),
              { title: 'Verdicts per reviewer' },
            )}`
        }
      </section>
      <section class="panel" aria-labelledby="queues-heading"><h2 id="queues-heading">Queues</h2>
        ${queues.map(
          (
            q,
          ) => html`<div class="queue" data-queue="${q.name}"><h3>${q.name} ${q.paused ? html`<span class="chip bad">paused</span>` : ''}</h3>
          ${horizontalBars(
            QUEUE_STATES.map((s) => ({ label: s, value: q[s], text: String(q[s]), className: `fill-q-${s}` })),
            { title: `Jobs in ${q.name}`, max: queueMax },
          )}</div>`,
        )}
        <h3>Recent failed jobs</h3>
        ${
          failures.length
            ? html`<ul class="failures">${failures.map((f) => html`<li><strong>${f.queue}</strong> · ${f.name} #${f.id ?? '?'} · ${f.attemptsMade} attempts · ${formatDateTime(f.finishedOn)}<br><code>${f.failedReason}</code></li>`)}</ul>`
            : html`<p class="muted">None.</p>`
        }
        <p><a href="/ui/admin/queues">Pause, resume or retry a queue →</a> · <a href="/admin/queues/ui">inspect jobs in the queue dashboard</a></p>
      </section>
    </div>`,
  );
}
