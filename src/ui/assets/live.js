// @ts-check
/**
 * The pages' live updates: listens to the page's Server-Sent Events stream, recolours a claim another person moved and
 * says who did what, with a reload link. A page that names parts to refresh (data-live-parts: the article page's text,
 * Verification panel and side panel with its forms) fetches itself again after a burst of moves and swaps those parts
 * in, keeping what the reader typed; while its claims are being extracted ([data-extracting]) it asks again, less and
 * less often, until they are there. Without EventSource the page is as before.
 */
(function () {
  'use strict';
  const region = document.querySelector('[data-live-source]');
  const list = region && region.querySelector('ul');
  const reload = region && region.querySelector('[data-live-reload]');
  if (!(region instanceof HTMLElement) || !list || !reload || !window.EventSource) return;
  const SHOWN = 5;
  reload.addEventListener('click', (event) => {
    event.preventDefault();
    location.reload();
  });

  /**
   * @typedef {{ claimId: string, type: string, status: string, text: string, actor: string, reviewer: string | null }} LiveMessage
   */

  /** @param {string} text */
  function quote(text) {
    return '“' + (text.length > 80 ? text.slice(0, 77) + '…' : text) + '”';
  }
  /** @param {LiveMessage} m */
  function sentence(m) {
    if (m.type === 'transition') return m.actor + ' moved ' + quote(m.text) + ' to ' + m.status + '.';
    if (m.type === 'verdict_undone')
      return m.actor + ' undid the verdict on ' + quote(m.text) + '; it is ' + m.status + ' again.';
    if (m.type === 'assigned') return quote(m.text) + ' was assigned to ' + (m.reviewer || 'a reviewer') + '.';
    if (m.type === 'note') return m.actor + ' added a note or sources to ' + quote(m.text) + '.';
    if (m.type === 'withdrawn') return quote(m.text) + ' was withdrawn by a new revision.';
    return quote(m.text) + ' went back to the pool.';
  }
  /** @param {LiveMessage} m */
  function recolour(m) {
    document.querySelectorAll('[data-claim-id="' + CSS.escape(m.claimId) + '"][data-status]').forEach((mark) => {
      mark.className = mark.className.replace(/\bstatus-\w+/, 'status-' + m.status);
      mark.setAttribute('data-status', m.status);
      const label = mark.querySelector('.visually-hidden');
      if (label) label.textContent = ' (claim, ' + m.status + ')';
    });
  }

  const parts = (region.getAttribute('data-live-parts') || '')
    .split(',')
    .map((selector) => selector.trim())
    .filter(Boolean);

  /**
   * What the reader changed in a part (typed text, a choice, an opened section), keyed so it can be found again in the
   * fresh copy; null when a change has no place there, and the part is better kept as it is.
   * @param {Element} part
   */
  function edits(part) {
    /** @type {{ key: string, apply: (fresh: Element) => void }[]} */
    const found = [];
    part.querySelectorAll('input, textarea, select').forEach((field) => {
      if (!(
        field instanceof HTMLInputElement ||
        field instanceof HTMLTextAreaElement ||
        field instanceof HTMLSelectElement
      ))
        return;
      if (field instanceof HTMLInputElement && field.type === 'hidden') return;
      const changed =
        field instanceof HTMLSelectElement
          ? // With no option marked selected, a select shows its first: that is no change.
            field.selectedIndex !==
            Math.max(
              0,
              Array.from(field.options).findIndex((option) => option.defaultSelected),
            )
          : field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')
            ? field.checked !== field.defaultChecked
            : field.value !== field.defaultValue;
      if (!changed && document.activeElement !== field) return;
      const key = field.id ? '#' + CSS.escape(field.id) : null;
      if (!key) {
        found.push({ key: '', apply: () => undefined });
        return;
      }
      const focused = document.activeElement === field;
      found.push({
        key,
        apply(fresh) {
          if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
            /** @type {HTMLInputElement} */ (fresh).checked = field.checked;
          } else {
            /** @type {HTMLInputElement} */ (fresh).value = field.value;
          }
          if (focused) /** @type {HTMLElement} */ (fresh).focus();
        },
      });
    });
    return found;
  }

  /**
   * Swaps each named part for its fresh copy from `doc`, carrying the reader's edits over.
   * @param {Document} doc
   */
  function swap(doc) {
    for (const selector of parts) {
      const old = document.querySelector(selector);
      const fresh = doc.querySelector(selector);
      if (!old || !fresh) continue;
      const changes = edits(old);
      if (changes.some((change) => !change.key || !fresh.querySelector(change.key))) continue;
      /** @type {Record<string, boolean>} */
      const opened = {};
      old.querySelectorAll('details').forEach((details) => {
        opened[(details.querySelector('summary') || details).textContent || ''] = details.open;
      });
      fresh.querySelectorAll('details').forEach((details) => {
        const was = opened[(details.querySelector('summary') || details).textContent || ''];
        if (was !== undefined) details.open = was;
      });
      const adopted = document.importNode(fresh, true);
      old.replaceWith(adopted);
      for (const change of changes) {
        const target = adopted.querySelector(change.key);
        if (target) change.apply(target);
      }
    }
    document.dispatchEvent(new CustomEvent('claimdesk:panel-replaced'));
  }

  /** The page's own address, without a one-time notice (it would say again what has just happened). */
  function selfUrl() {
    const url = new URL(location.href);
    url.hash = '';
    url.searchParams.delete('notice');
    return url.toString();
  }

  /** @type {number | undefined} */
  let refreshTimer;
  let extractionWait = 1000;
  /** @param {number} delay */
  function refresh(delay) {
    if (parts.length === 0) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      fetch(selfUrl(), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then((response) => (response.ok ? response.text() : null))
        .then((markup) => {
          if (!markup) return;
          const doc = new DOMParser().parseFromString(markup, 'text/html');
          swap(doc);
          if (new URL(location.href).searchParams.has('notice'))
            history.replaceState(history.state, '', selfUrl() + location.hash);
          if (doc.querySelector('[data-extracting]')) {
            extractionWait = Math.min(extractionWait * 2, 15000);
            refresh(extractionWait);
          }
        })
        .catch(() => {
          /* the reload link still shows everything */
        });
    }, delay);
  }
  if (document.querySelector('[data-extracting]')) refresh(extractionWait);

  const source = new EventSource(region.getAttribute('data-live-source') || '');
  source.addEventListener('claim', (event) => {
    /** @type {LiveMessage} */
    let m;
    try {
      m = JSON.parse(event.data);
    } catch {
      return;
    }
    recolour(m);
    // Several moves in a burst fetch the page once, after the burst.
    refresh(300);
    const item = document.createElement('li');
    item.setAttribute('data-claim-id', m.claimId);
    item.textContent = sentence(m);
    list.insertBefore(item, list.firstChild);
    while (list.children.length > SHOWN && list.lastChild) list.removeChild(list.lastChild);
    region.hidden = false;
  });
})();
