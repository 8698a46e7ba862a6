/**
 * The article page's script for editors, served as /ui/assets/article.js (the CSP forbids inline script): a
 * selection in the article text fills the Add as claim form with the passage and its offsets in the body. Without it
 * the form still works with a pasted passage.
 */
export const ARTICLE_JS = String.raw`(function () {
  'use strict';
  var body = document.querySelector('[data-article-body]');
  var form = document.getElementById('add-claim');
  if (!body || !form) return;
  var passage = form.querySelector('textarea[name="passage"]');
  var start = form.querySelector('input[name="start"]');
  var end = form.querySelector('input[name="end"]');
  var button = form.querySelector('button[type="submit"]');

  // The body's text as the server holds it: the marks' screen-reader labels are not part of it.
  function textOf(range) {
    var fragment = range.cloneContents();
    fragment.querySelectorAll('.visually-hidden').forEach(function (label) { label.remove(); });
    return fragment.textContent;
  }
  function offsetOf(container, offset) {
    var range = document.createRange();
    range.setStart(body, 0);
    range.setEnd(container, offset);
    return textOf(range).length;
  }
  function sync() { button.disabled = !passage.value.trim(); }

  function take() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return;
    var text = textOf(range);
    if (!text.trim()) return;
    var from = offsetOf(range.startContainer, range.startOffset);
    var lead = text.length - text.replace(/^\s+/, '').length;
    var trail = text.length - text.replace(/\s+$/, '').length;
    start.value = String(from + lead);
    end.value = String(from + text.length - trail);
    passage.value = text.trim();
    sync();
  }

  var pending = 0;
  document.addEventListener('selectionchange', function () {
    clearTimeout(pending);
    pending = setTimeout(take, 120);
  });
  // A passage typed or pasted by hand has no offsets; the server finds it in the body.
  passage.addEventListener('input', function () {
    start.value = '';
    end.value = '';
    sync();
  });
  sync();
})();
`;
