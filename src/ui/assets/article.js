// @ts-check
/**
 * The article page's script for editors (the CSP forbids inline script): a selection in the article text fills the
 * Add as claim form with the passage and its offsets in the body. Without it the form still works with a pasted
 * passage. live.js may replace the side panel: the form is looked up at each use, not once.
 */
(function () {
  'use strict';
  const body = document.querySelector('[data-article-body]');
  if (!body) return;

  /** @returns {{ passage: HTMLTextAreaElement, start: HTMLInputElement, end: HTMLInputElement, button: HTMLButtonElement } | null} */
  function form() {
    const add = document.getElementById('add-claim');
    const passage = add && add.querySelector('textarea[name="passage"]');
    const start = add && add.querySelector('input[name="start"]');
    const end = add && add.querySelector('input[name="end"]');
    const button = add && add.querySelector('button[type="submit"]');
    if (!(passage instanceof HTMLTextAreaElement) || !(start instanceof HTMLInputElement)) return null;
    if (!(end instanceof HTMLInputElement) || !(button instanceof HTMLButtonElement)) return null;
    return { passage, start, end, button };
  }

  /**
   * The body's text as the server holds it: the marks' screen-reader labels are not part of it.
   * @param {Range} range
   */
  function textOf(range) {
    const fragment = range.cloneContents();
    fragment.querySelectorAll('.visually-hidden').forEach((label) => label.remove());
    return fragment.textContent || '';
  }
  /**
   * @param {Node} textBody
   * @param {Node} container
   * @param {number} offset
   */
  function offsetOf(textBody, container, offset) {
    const range = document.createRange();
    range.setStart(textBody, 0);
    range.setEnd(container, offset);
    return textOf(range).length;
  }
  function sync() {
    const fields = form();
    if (fields) fields.button.disabled = !fields.passage.value.trim();
  }

  function take() {
    const textBody = document.querySelector('[data-article-body]');
    const fields = form();
    const selection = window.getSelection();
    if (!textBody || !fields || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!textBody.contains(range.startContainer) || !textBody.contains(range.endContainer)) return;
    const text = textOf(range);
    if (!text.trim()) return;
    const from = offsetOf(textBody, range.startContainer, range.startOffset);
    const lead = text.length - text.replace(/^\s+/, '').length;
    const trail = text.length - text.replace(/\s+$/, '').length;
    fields.start.value = String(from + lead);
    fields.end.value = String(from + text.length - trail);
    fields.passage.value = text.trim();
    sync();
  }

  /** @type {number | undefined} */
  let pending;
  document.addEventListener('selectionchange', () => {
    clearTimeout(pending);
    pending = setTimeout(take, 120);
  });
  // A passage typed or pasted by hand has no offsets; the server finds it in the body.
  document.addEventListener('input', (event) => {
    const fields = form();
    if (!fields || event.target !== fields.passage) return;
    fields.start.value = '';
    fields.end.value = '';
    sync();
  });
  document.addEventListener('claimdesk:panel-replaced', sync);
  sync();
})();
