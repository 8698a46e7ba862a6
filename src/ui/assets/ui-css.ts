/** The pages' one stylesheet, served as /ui/assets/ui.css. Status colours live here only. */
export const UI_CSS = String.raw`
:root {
  --ink: #1a202c; --muted: #4a5568; --line: #d9dee7; --bg: #f6f7f9; --panel: #fff; --accent: #2b4c7e; --focus: #1d4ed8;
  --unverified: #b7791f; --unverified-bg: #fdf0c8;
  --sourced: #2f7d4f; --sourced-bg: #d5f0dd;
  --disputed: #c0392b; --disputed-bg: #fbd9d5;
  --dismissed: #5a6577; --dismissed-bg: #e3e7ee;
  --withdrawn: #8a94a6; --withdrawn-bg: #f0f1f4;
}
* { box-sizing: border-box; }
html { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .2rem 0 .6rem; }
h2 { font-size: 1.15rem; margin: 0 0 .6rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.muted { color: var(--muted); font-weight: normal; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* A claim's status label is for screen readers only: copying the article gives its text, not "(claim, sourced)". */
.claim .visually-hidden { user-select: none; -webkit-user-select: none; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; z-index: 10; }

.topbar { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1.5rem; padding: .6rem 1.5rem; background: #1f2d45; color: #fff; }
.topbar a { color: #fff; text-decoration: none; }
.topbar .brand { font-weight: 700; letter-spacing: .02em; font-size: 1.1rem; }
.topbar nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
.topbar nav a { padding: .25rem .5rem; border-radius: 4px; }
.topbar nav a:hover, .topbar nav a[aria-current="page"] { background: rgba(255,255,255,.16); }
.signout { margin-left: auto; display: flex; align-items: center; gap: .5rem; }
.signout .who { opacity: .85; font-size: .9rem; }
.topbar button.link { color: #fff; }
main { max-width: 1280px; margin: 0 auto; padding: 1.2rem 1.5rem 3rem; overflow-wrap: anywhere; }
/* A phone (360 px): the header wraps onto two lines instead of scrolling sideways. */
@media (max-width: 600px) {
  .topbar { gap: .3rem .8rem; padding: .5rem .75rem; }
  .topbar nav ul { flex-wrap: wrap; gap: .2rem .4rem; }
  .topbar nav a { padding: .2rem .35rem; }
  .signout { margin-left: 0; flex-wrap: wrap; }
  main { padding: .8rem .75rem 2rem; }
  .article-text, .sidebar, .in-hand { padding: .8rem .9rem; }
}
.live ul { margin: .3rem 0 0; padding-left: 1.2rem; }
kbd { font: .85em ui-monospace, SFMono-Regular, Menlo, monospace; border: 1px solid #9aa5b8; border-bottom-width: 2px; border-radius: 4px; padding: 0 .35em; background: #fff; }
.shortcuts { font-size: .9rem; }
.shortcuts dl { display: grid; grid-template-columns: auto 1fr; gap: .2rem .8rem; margin: .4rem 0 0; }
.shortcuts dd { margin: 0; }

.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem; margin: 0 0 1rem; }
.panel.narrow { max-width: 460px; margin: 3rem auto; }
.alert { background: #eef3fb; border-left: 4px solid var(--accent); padding: .6rem .8rem; border-radius: 4px; }
.alert.error { background: #fdecea; border-color: var(--disputed); }
.alert.ok { background: #e7f6ec; border-color: var(--sourced); }
.alert.info { background: #eef3fb; }
.result:empty { display: none; }
.crumbs { font-size: .9rem; margin-bottom: .3rem; }

button, .button { font: inherit; border: 1px solid #9aa5b8; background: #fff; color: var(--ink); padding: .45rem .9rem; border-radius: 6px; cursor: pointer; text-decoration: none; display: inline-block; }
button.primary, .button { background: var(--accent); border-color: var(--accent); color: #fff; }
button.link { background: none; border: none; padding: 0; color: var(--accent); text-decoration: underline; }
button:disabled { opacity: .6; cursor: progress; }
label { display: block; font-weight: 600; font-size: .9rem; margin: .5rem 0 .15rem; }
input, select, textarea { font: inherit; width: 100%; padding: .4rem .5rem; border: 1px solid #9aa5b8; border-radius: 5px; background: #fff; color: var(--ink); }
.stack button { margin-top: 1rem; }

.chip { display: inline-block; font-size: .78rem; font-weight: 700; padding: .05rem .5rem; border-radius: 999px; border: 1px solid; vertical-align: middle; white-space: nowrap; }
.chip.done { color: var(--sourced); background: var(--sourced-bg); }
.chip.pending { color: #7a5200; background: var(--unverified-bg); }
.chip.bad { color: var(--disputed); background: var(--disputed-bg); }
.chip.status-unverified { color: #7a5200; background: var(--unverified-bg); border-color: var(--unverified); }
.chip.status-sourced { color: #1e5c38; background: var(--sourced-bg); border-color: var(--sourced); }
.chip.status-disputed { color: #97271c; background: var(--disputed-bg); border-color: var(--disputed); }
.chip.status-dismissed { color: #3b4454; background: var(--dismissed-bg); border-color: var(--dismissed); }
.chip.status-withdrawn { color: #4f5868; background: var(--withdrawn-bg); border-color: var(--withdrawn); }

.fill-unverified { fill: var(--unverified); } .fill-sourced { fill: var(--sourced); } .fill-disputed { fill: var(--disputed); }
.fill-dismissed { fill: var(--dismissed); } .fill-withdrawn { fill: var(--withdrawn); } .fill-empty { fill: #e8ebf0; }
.fill-bg-unverified { background: var(--unverified); } .fill-bg-sourced { background: var(--sourced); } .fill-bg-disputed { background: var(--disputed); }
.fill-bg-dismissed { background: var(--dismissed); } .fill-bg-withdrawn { background: var(--withdrawn); }

.summary { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem; margin: 0 0 1rem; }
.summary-head { display: flex; align-items: baseline; gap: 1.2rem; flex-wrap: wrap; }
.summary-head h2 { margin: 0; }
.summary-figure { margin: 0 0 .5rem; }
.big { font-size: 1.9rem; font-weight: 800; line-height: 1; margin-right: .25rem; }
.big.bad { color: var(--disputed); }
svg.bar { width: 100%; height: 22px; display: block; border-radius: 5px; overflow: hidden; margin: .3rem 0 .7rem; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem 1.4rem; margin: 0 0 .8rem; padding: 0; font-size: .9rem; }
.legend li { display: flex; align-items: center; gap: .35rem; }
.legend .swatch { width: 14px; height: 14px; border-radius: 3px; display: inline-block; }
.legend .count { font-weight: 800; }
.legend .meaning { color: var(--muted); }
.legend.compact { margin-top: .4rem; }

.columns { display: grid; grid-template-columns: minmax(0, 1.7fr) minmax(300px, 1fr); gap: 1.2rem; align-items: start; }
.columns.even { grid-template-columns: 1fr 1fr; }
.columns.bench { grid-template-columns: minmax(260px, .8fr) minmax(0, 2fr); }
@media (max-width: 900px) { .columns, .columns.even, .columns.bench { grid-template-columns: 1fr; } }
.article-text, .sidebar, .in-hand { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.3rem; }
.sidebar { position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow: auto; }
.body { white-space: pre-wrap; font-family: Georgia, "Times New Roman", serif; font-size: 1.08rem; line-height: 1.75; }
.hint { font-size: .9rem; margin-top: 0; }

.claim { color: inherit; text-decoration: none; padding: .08em .1em; border-radius: 3px; border-bottom: 3px solid; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
a.claim:hover { filter: brightness(.95); }
.claim.status-unverified { background: var(--unverified-bg); border-bottom-color: var(--unverified); border-bottom-style: dashed; }
.claim.status-sourced { background: var(--sourced-bg); border-bottom-color: var(--sourced); }
.claim.status-disputed { background: var(--disputed-bg); border-bottom-color: var(--disputed); border-bottom-style: double; }
.claim.status-dismissed { background: var(--dismissed-bg); border-bottom-color: var(--dismissed); border-bottom-style: dotted; }
/* A candidate is not a claim in review: faint, outside the status colours. */
.claim.status-candidate { background: none; border-bottom: 1px dotted var(--withdrawn); color: var(--muted); }
.chip.status-candidate, .claim-quote.status-candidate { color: var(--muted); background: none; border-color: var(--withdrawn); border-style: dotted; }
.candidates { margin-top: 1rem; }
.candidate-list { padding-left: 1.1rem; }
.candidate-list li { margin: .35rem 0; color: var(--muted); }
.candidate-list a { color: var(--muted); }
.promote { display: inline; margin-left: .4rem; }
.candidate-swatch { display: inline-block; width: 14px; height: 0; border-bottom: 2px dotted var(--withdrawn); vertical-align: middle; }
.claim.selected { outline: 3px solid var(--ink); outline-offset: 1px; }
.claim-quote { margin: .4rem 0 .8rem; padding: .6rem .8rem; border-left: 5px solid; border-radius: 4px; font-family: Georgia, serif; }
.claim-quote.status-unverified { background: var(--unverified-bg); border-color: var(--unverified); }
.claim-quote.status-sourced { background: var(--sourced-bg); border-color: var(--sourced); }
.claim-quote.status-disputed { background: var(--disputed-bg); border-color: var(--disputed); }
.claim-quote.status-dismissed { background: var(--dismissed-bg); border-color: var(--dismissed); }
.claim-quote.status-withdrawn { background: var(--withdrawn-bg); border-color: var(--withdrawn); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; margin: 0 0 .5rem; font-size: .93rem; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
.claim-list { padding-left: 1.3rem; margin: 0; }
.claim-list li { margin: 0 0 .55rem; }
.claim-list li.current { font-weight: 600; }
.claim-list .muted { display: block; font-size: .85rem; }
.timeline { list-style: none; padding: 0; margin: 0; border-left: 2px solid var(--line); }
.timeline li { padding: 0 0 .6rem .8rem; position: relative; font-size: .92rem; }
.timeline li::before { content: ""; position: absolute; left: -6px; top: .45rem; width: 10px; height: 10px; border-radius: 50%; background: var(--accent); }
.timeline time { display: block; color: var(--muted); font-size: .8rem; }
.sources, .notes { padding-left: 1.2rem; font-size: .93rem; }
.sources blockquote { margin: .2rem 0; color: var(--muted); font-style: italic; }
.notes p { margin: 0; }

.filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: flex-end; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin-bottom: 1rem; }
.filters > div { min-width: 150px; }
.filters label { margin-top: 0; }
table.articles { width: 100%; border-collapse: collapse; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
table.articles th, table.articles td { text-align: left; padding: .55rem .8rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
table.articles thead th { font-size: .85rem; color: var(--muted); }
table.articles tbody th { font-weight: 600; }
.progress { display: flex; align-items: center; gap: .5rem; min-width: 230px; }
.progress svg.bar { width: 180px; height: 12px; margin: 0; }
td.num { white-space: nowrap; }
.pager { text-align: right; }

.bench-head { display: flex; align-items: center; justify-content: space-between; gap: 1rem; flex-wrap: wrap; margin-bottom: .6rem; }
.context { background: #fbfbfc; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin-bottom: 1rem; }
.actions-panel { margin-bottom: 1.2rem; }
.verdicts { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: .8rem; }
.verdict { border: 1px solid var(--line); border-top: 5px solid; border-radius: 6px; padding: .6rem .8rem .8rem; }
.verdict h3 { margin-top: 0; }
.verdict button { margin-top: .7rem; }
.status-border-sourced { border-top-color: var(--sourced); }
.status-border-disputed { border-top-color: var(--disputed); }
.status-border-dismissed { border-top-color: var(--dismissed); }
.annotate { margin-top: .8rem; }
.annotate form button { margin-top: .6rem; }
.release { margin-top: .8rem; }

.kpis { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: .8rem; }
.kpis li { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; }
.kpis .big { display: block; margin-bottom: .3rem; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart .grid { stroke: #e2e6ec; }
svg.chart text { font-size: 11px; fill: var(--muted); }
svg.chart .label { font-size: 12px; fill: var(--ink); }
svg.chart .value { font-size: 12px; fill: var(--ink); font-weight: 700; }
svg.chart .track { fill: #edf0f4; }
.fill-backlog { fill: #3b6fb6; } .fill-full { fill: var(--disputed); } .fill-throughput { fill: var(--sourced); }
.fill-q-waiting { fill: #3b6fb6; } .fill-q-active { fill: #2f7d4f; } .fill-q-delayed { fill: #b7791f; } .fill-q-failed { fill: var(--disputed); }
.queue h3 { margin-bottom: .2rem; }
.failures { padding-left: 1.1rem; font-size: .88rem; }
.failures code { white-space: pre-wrap; color: #97271c; }
details.withdrawn { margin-top: 1rem; font-size: .9rem; }

.page-head { display: flex; align-items: center; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
.add-claim { padding: .7rem .9rem; }
.add-claim button, .claim-action button { margin-top: .5rem; }
.add-claim h2 { margin-bottom: .2rem; }
.editor-actions { border-top: 1px solid var(--line); margin-top: .6rem; }
.claim-action { margin: 0 0 .8rem; }
.claim-action .hint { font-size: .82rem; margin: .2rem 0 0; }
.article-form { max-width: 900px; }
.article-form button { margin-top: 1rem; }
.article-form .hint { font-size: .85rem; margin: .2rem 0 0; }
.subnav ul { display: flex; flex-wrap: wrap; gap: .3rem 1rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.subnav a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--ink); }
.table-wrap { overflow-x: auto; }
.row-actions { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.row-actions form { display: flex; gap: .3rem; align-items: center; margin: 0; }
.row-actions select { width: auto; }
.form-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 0 1rem; align-items: end; }
.form-grid .check { display: flex; gap: .4rem; align-items: center; }
.form-grid .check input { width: auto; }
code.secret { display: block; word-break: break-all; padding: .6rem .8rem; background: #f3f5f9; border: 1px solid var(--line); border-radius: 6px; font-size: 1rem; }
.seen-before .matches li { margin-bottom: .6rem; }
.match-actions { display: flex; gap: .5rem; margin-top: .3rem; }
`;
