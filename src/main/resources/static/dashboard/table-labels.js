// On a phone the stylesheet stacks a table's cells (its header row is hidden), so each cell is shown with its
// column's name: every body cell gets its column header as data-label, which the stylesheet prints before it.
// Run on load and on every htmx swap (lists refreshed in place).
(function () {
  'use strict';

  function label(root) {
    var tables = root.querySelectorAll ? root.querySelectorAll('table') : [];
    Array.prototype.forEach.call(tables, function (table) {
      var head = table.querySelector('thead tr');
      if (!head) {
        return;
      }
      var names = Array.prototype.map.call(head.children, function (th) { return th.textContent.trim(); });
      Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (cell.tagName === 'TD' && names[i] && !cell.hasAttribute('data-label')) {
            cell.setAttribute('data-label', names[i]);
          }
        });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () { label(document); });
  document.addEventListener('htmx:afterSwap', function () { label(document); });
})();
