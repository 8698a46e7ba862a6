/** The workbench's script, served as /ui/assets/review.js (a file, not inline: the CSP forbids inline script). */
export const REVIEW_JS = String.raw`(function () {
  'use strict';
  // The shortcuts the page lists under "Keyboard shortcuts": a button is pressed, a field is focused.
  var SHORTCUTS = { n: '#next-claim', s: '#sourced-url', d: '#disputed-note', x: '#dismissed-note', '/': '#note-note', u: '#undo-verdict' };
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      // While typing, letters are text: only these two keys do something.
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && target.form) { event.preventDefault(); target.form.requestSubmit(); }
      if (event.key === 'Escape') target.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var element = Object.prototype.hasOwnProperty.call(SHORTCUTS, event.key) ? document.querySelector(SHORTCUTS[event.key]) : null;
    if (!element) return;
    event.preventDefault();
    if (element.tagName === 'BUTTON') { element.click(); return; }
    var details = element.closest('details');
    if (details) details.open = true;
    element.focus();
  });

  var panel = document.getElementById('claim-actions');
  if (!panel) return;
  var claimId = panel.getAttribute('data-claim-id');
  var version = Number(panel.getAttribute('data-version'));
  var result = document.getElementById('result');
  var bench = document.querySelector('[data-reviewer-names]');
  // The session's CSRF token: the guard wants it on every state-changing request made with the session cookie.
  var csrf = document.querySelector('meta[name="csrf-token"]');
  var names = {};
  try { names = JSON.parse(bench.getAttribute('data-reviewer-names') || '{}'); } catch (e) { names = {}; }

  // The pages' one date format (views/format.ts), in the reader's zone the server put on <body>.
  var timeZone = document.body.getAttribute('data-time-zone') || 'UTC';
  function formatDateTime(value) {
    var date = new Date(value);
    var zone = new Intl.DateTimeFormat('en-GB', { timeZone: timeZone, timeZoneName: 'short' }).formatToParts(date).filter(function (p) { return p.type === 'timeZoneName'; })[0];
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone }).format(date) + (zone ? ' ' + zone.value : '');
  }
  function show(kind, parts) {
    result.className = 'result alert ' + kind;
    result.textContent = '';
    parts.forEach(function (part) {
      if (typeof part === 'string') { result.appendChild(document.createTextNode(part)); return; }
      result.appendChild(part);
    });
    result.focus();
  }
  function link(href, text) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }
  function who(mover) {
    if (!mover) return 'someone';
    if (mover.reviewerId && names[mover.reviewerId]) return names[mover.reviewerId] + ' (' + mover.role + ')';
    return mover.role === 'admin' ? 'an admin' : mover.role === 'editor' ? 'an editor' : 'a ' + mover.role;
  }
  function explain(status, body) {
    var code = body && body.code;
    var details = (body && body.details) || {};
    if (status === 401) return ['Your session has ended. ', link('/ui/login?next=' + encodeURIComponent(location.pathname + location.search), 'Sign in again'), '.'];
    if (code === 'stale_version') {
      var at = details.lastMovedBy && details.lastMovedBy.at ? ' at ' + formatDateTime(details.lastMovedBy.at) : '';
      return ['Someone moved this claim first: ' + who(details.lastMovedBy) + at + '. It is now at version ' + details.currentVersion + ', not ' + version + '. ',
        link('/ui/review?claim=' + claimId, 'Reload the claim'), ' to see where it stands.'];
    }
    if (code === 'illegal_transition') {
      return ['The claim is ' + details.current + ' now; from there it can only move to: ' + ((details.allowed || []).join(', ') || 'nothing') + '.'];
    }
    if (code === 'validation_failed' && details) {
      var lines = Object.keys(details).map(function (field) { return field + ': ' + [].concat(details[field]).join('; '); });
      return [(body.message || 'The form is not valid') + (lines.length ? ' — ' + lines.join(' · ') : '')];
    }
    return [(body && body.message) || ('The service answered ' + status)];
  }
  function evidence(form) {
    var data = new FormData(form);
    var out = {};
    var note = String(data.get('note') || '').trim();
    if (note) out.note = note;
    var url = String(data.get('url') || '').trim();
    if (url) {
      var source = { url: url };
      var title = String(data.get('title') || '').trim();
      var quote = String(data.get('quote') || '').trim();
      if (title) source.title = title;
      if (quote) source.quote = quote;
      out.sources = [source];
    }
    return out;
  }
  function send(form, path, body, done) {
    var buttons = form.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    show('info', ['Sending…']);
    fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf ? csrf.getAttribute('content') : '' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.text().then(function (text) {
          var parsed = null;
          try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
          if (response.ok) { done(parsed); return; }
          buttons.forEach(function (b) { b.disabled = false; });
          show('error', explain(response.status, parsed));
        });
      })
      .catch(function () {
        buttons.forEach(function (b) { b.disabled = false; });
        show('error', ['The service could not be reached; nothing was changed. Try again.']);
      });
  }

  panel.querySelectorAll('form[data-move]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = evidence(form);
      body.to = form.getAttribute('data-move');
      body.expectedVersion = version;
      send(form, '/ui/review/claims/' + claimId + '/verdict', body, function (answer) {
        // The answer names the claim to work next (from the list, else pulled): the page opens on it.
        location.assign('/ui/review?moved=' + claimId + (answer && answer.next ? '&claim=' + answer.next.id : ''));
      });
    });
  });
  panel.querySelectorAll('form[data-annotate]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send(form, '/ui/review/claims/' + claimId + '/notes', evidence(form), function () { location.assign('/ui/review?claim=' + claimId + '&noted=1'); });
    });
  });
  panel.querySelectorAll('form[data-release]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send(form, '/ui/review/claims/' + claimId + '/release', {}, function () { location.assign('/ui/review?released=' + claimId); });
    });
  });
})();
`;
