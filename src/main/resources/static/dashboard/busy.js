// Loading states for htmx requests: while a form or button waits for its answer it is marked aria-busy (styled
// by the stylesheet: dimmed, a progress cursor, "Working…" after a submit button) and its submit buttons are
// disabled, so a second click sends nothing twice; both are undone when the answer has come (or failed).
// Polling fragments (live calls, progress bars) are not marked: nothing waits on them.
(function () {
  'use strict';

  function polling(elt) {
    var trigger = elt.getAttribute && elt.getAttribute('hx-trigger');
    return trigger != null && trigger.indexOf('every') >= 0;
  }

  function buttons(elt) {
    if (elt.tagName === 'BUTTON') {
      return [elt];
    }
    return Array.prototype.slice.call(elt.querySelectorAll('button[type=submit], button:not([type])'));
  }

  document.addEventListener('htmx:beforeRequest', function (event) {
    var elt = event.detail.elt;
    if (!elt || polling(elt)) {
      return;
    }
    elt.setAttribute('aria-busy', 'true');
    var disabled = buttons(elt).filter(function (b) { return !b.disabled; });
    disabled.forEach(function (b) {
      b.disabled = true;
      b.classList.add('busy');
    });
    elt.busyButtons = disabled;
  });

  document.addEventListener('htmx:afterRequest', function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.busyButtons) {
      return;
    }
    elt.removeAttribute('aria-busy');
    elt.busyButtons.forEach(function (b) {
      b.disabled = false;
      b.classList.remove('busy');
    });
    elt.busyButtons = null;
  });
})();
