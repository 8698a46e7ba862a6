// @ts-check
/**
 * The bell in every page's top bar: the signed-in person's unread notifications, asked for when the page opens, every
 * few seconds while it is visible, and when the reader comes back to it. Without script the bell is a plain link.
 */
(function () {
  'use strict';
  const bellFound = document.querySelector('[data-bell]');
  const countFound = bellFound && bellFound.querySelector('[data-bell-count]');
  if (!(bellFound instanceof HTMLElement) || !(countFound instanceof HTMLElement)) return;
  const bell = bellFound;
  const count = countFound;
  const EVERY_MS = 5000;

  /** @param {number} unread */
  function show(unread) {
    count.textContent = String(unread);
    count.hidden = unread === 0;
    bell.classList.toggle('ringing', unread > 0);
    bell.setAttribute('aria-label', unread === 0 ? 'Notifications' : 'Notifications: ' + unread + ' unread');
  }

  async function refresh() {
    if (document.visibilityState === 'hidden') return;
    try {
      const response = await fetch('/ui/notifications/unread', {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) return;
      const body = /** @type {{ unread: number }} */ (await response.json());
      show(body.unread);
    } catch {
      // Offline for a moment: the next round asks again.
    }
  }

  void refresh();
  setInterval(() => void refresh(), EVERY_MS);
  document.addEventListener('visibilitychange', () => void refresh());
})();
