// @ts-check
/** The workbench's script (a file, not inline: the CSP forbids inline script). */
(function () {
  'use strict';
  // The shortcuts the page lists under "Keyboard shortcuts": a button is pressed, a field is focused.
  /** @type {Record<string, string>} */
  const SHORTCUTS = {
    n: '#next-claim',
    s: '#sourced-url',
    d: '#disputed-note',
    x: '#dismissed-note',
    '/': '#note-note',
    u: '#undo-verdict',
  };
  document.addEventListener('keydown', function (event) {
    const target = /** @type {HTMLElement | null} */ (event.target);
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      // While typing, letters are text: only these two keys do something.
      if (
        event.key === 'Enter' &&
        (event.ctrlKey || event.metaKey) &&
        'form' in target &&
        target.form instanceof HTMLFormElement
      ) {
        event.preventDefault();
        target.form.requestSubmit();
      }
      if (event.key === 'Escape') target.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const element = Object.prototype.hasOwnProperty.call(SHORTCUTS, event.key)
      ? document.querySelector(SHORTCUTS[event.key])
      : null;
    if (!(element instanceof HTMLElement)) return;
    event.preventDefault();
    if (element.tagName === 'BUTTON') {
      element.click();
      return;
    }
    const details = element.closest('details');
    if (details) details.open = true;
    element.focus();
  });

  const panel = document.getElementById('claim-actions');
  const result = document.getElementById('result');
  const bench = document.querySelector('[data-reviewer-names]');
  if (!panel || !result || !bench) return;
  const output = result;
  const claimId = panel.getAttribute('data-claim-id');
  const version = Number(panel.getAttribute('data-version'));
  // The session's CSRF token: the guard wants it on every state-changing request made with the session cookie.
  const csrf = document.querySelector('meta[name="csrf-token"]');
  /** @type {Record<string, string>} */
  let names = {};
  try {
    names = JSON.parse(bench.getAttribute('data-reviewer-names') || '{}');
  } catch (e) {
    names = {};
  }

  // The pages' one date format (views/format.ts), in the reader's zone the server put on <body>.
  const timeZone = document.body.getAttribute('data-time-zone') || 'UTC';
  /** @param {string} value */
  function formatDateTime(value) {
    const date = new Date(value);
    const zone = new Intl.DateTimeFormat('en-GB', { timeZone: timeZone, timeZoneName: 'short' })
      .formatToParts(date)
      .filter(function (p) {
        return p.type === 'timeZoneName';
      })[0];
    return (
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone }).format(date) +
      (zone ? ' ' + zone.value : '')
    );
  }
  /**
   * @param {string} kind
   * @param {(string | Node)[]} parts
   */
  function show(kind, parts) {
    output.className = 'result alert ' + kind;
    output.textContent = '';
    parts.forEach(function (part) {
      if (typeof part === 'string') {
        output.appendChild(document.createTextNode(part));
        return;
      }
      output.appendChild(part);
    });
    output.focus();
  }
  /**
   * @param {string} href
   * @param {string} text
   */
  function link(href, text) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }
  /** @param {{ reviewerId?: string, role: string } | undefined} mover */
  function who(mover) {
    if (!mover) return 'someone';
    if (mover.reviewerId && names[mover.reviewerId]) return names[mover.reviewerId] + ' (' + mover.role + ')';
    return mover.role === 'admin' ? 'an admin' : mover.role === 'editor' ? 'an editor' : 'a ' + mover.role;
  }
  /**
   * The service's error answer in words.
   * @param {number} status
   * @param {any} body
   * @returns {(string | Node)[]}
   */
  function explain(status, body) {
    const code = body && body.code;
    const details = (body && body.details) || {};
    if (status === 401)
      return [
        'Your session has ended. ',
        link('/ui/login?next=' + encodeURIComponent(location.pathname + location.search), 'Sign in again'),
        '.',
      ];
    if (code === 'stale_version') {
      const at = details.lastMovedBy && details.lastMovedBy.at ? ' at ' + formatDateTime(details.lastMovedBy.at) : '';
      return [
        'Someone moved this claim first: ' +
          who(details.lastMovedBy) +
          at +
          '. It is now at version ' +
          details.currentVersion +
          ', not ' +
          version +
          '. ',
        link('/ui/review?claim=' + claimId, 'Reload the claim'),
        ' to see where it stands.',
      ];
    }
    if (code === 'illegal_transition') {
      return [
        'The claim is ' +
          details.current +
          ' now; from there it can only move to: ' +
          ((details.allowed || []).join(', ') || 'nothing') +
          '.',
      ];
    }
    if (code === 'validation_failed' && details) {
      const lines = Object.keys(details).map(function (/** @type {string} */ field) {
        return field + ': ' + [].concat(details[field]).join('; ');
      });
      return [(body.message || 'The form is not valid') + (lines.length ? ' — ' + lines.join(' · ') : '')];
    }
    return [(body && body.message) || 'The service answered ' + status];
  }
  /**
   * @typedef {{ url: string, title?: string, quote?: string }} Source
   * @typedef {{ note?: string, sources?: Source[], to?: string, expectedVersion?: number, rating?: string, publicNote?: string }} Evidence
   */
  /**
   * @param {HTMLFormElement} form
   * @returns {Evidence}
   */
  function evidence(form) {
    const data = new FormData(form);
    /** @type {Evidence} */
    const out = {};
    const note = String(data.get('note') || '').trim();
    if (note) out.note = note;
    const rating = String(data.get('rating') || '');
    if (rating) out.rating = rating;
    const publicNote = String(data.get('publicNote') || '').trim();
    if (publicNote) out.publicNote = publicNote;
    const url = String(data.get('url') || '').trim();
    if (url) {
      /** @type {Source} */
      const source = { url: url };
      const title = String(data.get('title') || '').trim();
      const quote = String(data.get('quote') || '').trim();
      if (title) source.title = title;
      if (quote) source.quote = quote;
      out.sources = [source];
    }
    return out;
  }
  /**
   * @param {HTMLFormElement} form
   * @param {string} path
   * @param {Evidence} body
   * @param {(answer: any) => void} done
   */
  function send(form, path, body, done) {
    const buttons = form.querySelectorAll('button');
    buttons.forEach(function (/** @type {HTMLButtonElement} */ b) {
      b.disabled = true;
    });
    show('info', ['Sending…']);
    fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-CSRF-Token': (csrf && csrf.getAttribute('content')) || '',
      },
      body: JSON.stringify(body),
    })
      .then(function (response) {
        return response.text().then(function (text) {
          /** @type {any} */
          let parsed = null;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            /* not JSON: explained by its status */
          }
          if (response.ok) {
            done(parsed);
            return;
          }
          buttons.forEach(function (/** @type {HTMLButtonElement} */ b) {
            b.disabled = false;
          });
          show('error', explain(response.status, parsed));
        });
      })
      .catch(function () {
        buttons.forEach(function (/** @type {HTMLButtonElement} */ b) {
          b.disabled = false;
        });
        show('error', ['The service could not be reached; nothing was changed. Try again.']);
      });
  }

  panel.querySelectorAll('form[data-move]').forEach(function (form) {
    if (!(form instanceof HTMLFormElement)) return;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const body = evidence(form);
      body.to = form.getAttribute('data-move') || '';
      body.expectedVersion = version;
      send(form, '/ui/review/claims/' + claimId + '/verdict', body, function (answer) {
        // The answer names the claim to work next (from the list, else pulled): the page opens on it.
        location.assign('/ui/review?moved=' + claimId + (answer && answer.next ? '&claim=' + answer.next.id : ''));
      });
    });
  });
  panel.querySelectorAll('form[data-annotate]').forEach(function (form) {
    if (!(form instanceof HTMLFormElement)) return;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send(form, '/ui/review/claims/' + claimId + '/notes', evidence(form), function () {
        location.assign('/ui/review?claim=' + claimId + '&noted=1');
      });
    });
  });
  panel.querySelectorAll('form[data-release]').forEach(function (form) {
    if (!(form instanceof HTMLFormElement)) return;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send(form, '/ui/review/claims/' + claimId + '/release', {}, function () {
        location.assign('/ui/review?released=' + claimId);
      });
    });
  });
})();
