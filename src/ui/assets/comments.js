// @ts-check
/**
 * The comment form's @ completion: typing "@" and a few letters lists matching people (GET /ui/people/mentionable);
 * choosing one (click, or arrows and Enter) writes "@Name" into the text and keeps the person's id in the form's
 * `mentions` field. On sending, only people whose "@Name" is still in the text are mentioned.
 */
(function () {
  'use strict';
  const formFound = document.querySelector('[data-comment-form]');
  if (!(formFound instanceof HTMLFormElement)) return;
  const inputFound = formFound.querySelector('[data-mention-input]');
  const idsFound = formFound.querySelector('[data-mention-ids]');
  const choicesFound = formFound.querySelector('[data-mention-choices]');
  if (
    !(inputFound instanceof HTMLTextAreaElement) ||
    !(idsFound instanceof HTMLInputElement) ||
    !(choicesFound instanceof HTMLElement)
  )
    return;
  const form = formFound;
  const input = inputFound;
  const ids = idsFound;
  const choices = choicesFound;
  /** @type {Map<string, string>} name → id */
  const chosen = new Map();
  /** @type {{ id: string, name: string, role: string }[]} */
  let offered = [];
  let active = 0;
  let asked = 0;

  /** The "@query" right before the caret, or null. */
  function pendingQuery() {
    const before = input.value.slice(0, input.selectionStart);
    const match = /(^|\s)@([^\s@]{1,30}(?: [^\s@]{0,30})?)$/.exec(before);
    return match ? { text: match[2], start: before.length - match[2].length - 1 } : null;
  }

  function close() {
    choices.hidden = true;
    choices.replaceChildren();
    offered = [];
  }

  function render() {
    choices.replaceChildren(
      ...offered.map((person, i) => {
        const li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.id = 'mention-choice-' + i;
        li.dataset.personId = person.id;
        li.setAttribute('aria-selected', i === active ? 'true' : 'false');
        li.textContent = person.name + ' · ' + person.role;
        li.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(i);
        });
        return li;
      }),
    );
    choices.hidden = offered.length === 0;
    input.setAttribute('aria-activedescendant', offered.length ? 'mention-choice-' + active : '');
  }

  /** @param {number} i */
  function pick(i) {
    const person = offered[i];
    const query = pendingQuery();
    if (!person || !query) return close();
    const caret = input.selectionStart;
    const mention = '@' + person.name + ' ';
    input.value = input.value.slice(0, query.start) + mention + input.value.slice(caret);
    const at = query.start + mention.length;
    input.setSelectionRange(at, at);
    chosen.set(person.name, person.id);
    close();
    input.focus();
  }

  async function suggest() {
    const query = pendingQuery();
    if (!query) return close();
    const ticket = ++asked;
    const response = await fetch('/ui/people/mentionable?q=' + encodeURIComponent(query.text), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok || ticket !== asked) return;
    offered = /** @type {{ id: string, name: string, role: string }[]} */ (await response.json());
    active = 0;
    render();
  }

  input.addEventListener('input', () => void suggest());

  input.addEventListener('keydown', (event) => {
    if (choices.hidden || offered.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : offered.length - 1)) % offered.length;
      render();
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(active);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));

  form.addEventListener('submit', () => {
    ids.value = [...chosen]
      .filter(([name]) => input.value.includes('@' + name))
      .map(([, id]) => id)
      .join(',');
  });
})();
