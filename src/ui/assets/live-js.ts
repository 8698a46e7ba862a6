/**
 * The pages' live updates, served as /ui/assets/live.js: listens to the page's Server-Sent Events stream, recolours a
 * claim another person moved, says who did what, with a reload link, and (on the article page) fetches the
 * Verification panel again. Without EventSource the page is as before.
 */
export const LIVE_JS = String.raw`(function () {
  'use strict';
  var region = document.querySelector('[data-live-source]');
  if (!region || !window.EventSource) return;
  var list = region.querySelector('ul');
  var reload = region.querySelector('[data-live-reload]');
  var SHOWN = 5;
  reload.addEventListener('click', function (event) { event.preventDefault(); location.reload(); });

  function quote(text) { return '“' + (text.length > 80 ? text.slice(0, 77) + '…' : text) + '”'; }
  function sentence(m) {
    if (m.type === 'transition') return m.actor + ' moved ' + quote(m.text) + ' to ' + m.status + '.';
    if (m.type === 'verdict_undone') return m.actor + ' undid the verdict on ' + quote(m.text) + '; it is ' + m.status + ' again.';
    if (m.type === 'assigned') return quote(m.text) + ' was assigned to ' + (m.reviewer || 'a reviewer') + '.';
    if (m.type === 'note') return m.actor + ' added evidence to ' + quote(m.text) + '.';
    if (m.type === 'withdrawn') return quote(m.text) + ' was withdrawn by a new revision.';
    return quote(m.text) + ' went back to the pool.';
  }
  function recolour(m) {
    document.querySelectorAll('[data-claim-id="' + m.claimId + '"][data-status]').forEach(function (mark) {
      mark.className = mark.className.replace(/\bstatus-\w+/, 'status-' + m.status);
      mark.setAttribute('data-status', m.status);
      var label = mark.querySelector('.visually-hidden');
      if (label) label.textContent = ' (claim, ' + m.status + ')';
    });
  }

  // Several moves in a burst fetch the panel once, after the burst.
  var summarySource = region.getAttribute('data-live-summary');
  var summaryTimer = null;
  function refreshSummary() {
    var panel = document.querySelector('section.summary');
    if (!summarySource || !panel) return;
    clearTimeout(summaryTimer);
    summaryTimer = setTimeout(function () {
      fetch(summarySource, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (markup) {
          var fresh = markup && new DOMParser().parseFromString(markup, 'text/html').querySelector('section.summary');
          if (fresh) document.querySelector('section.summary').replaceWith(fresh);
        })
        .catch(function () { /* the reload link still shows everything */ });
    }, 300);
  }

  var source = new EventSource(region.getAttribute('data-live-source'));
  source.addEventListener('claim', function (event) {
    var m;
    try { m = JSON.parse(event.data); } catch (e) { return; }
    recolour(m);
    refreshSummary();
    var item = document.createElement('li');
    item.setAttribute('data-claim-id', m.claimId);
    item.textContent = sentence(m);
    list.insertBefore(item, list.firstChild);
    while (list.children.length > SHOWN) list.removeChild(list.lastChild);
    region.hidden = false;
  });
})();
`;
