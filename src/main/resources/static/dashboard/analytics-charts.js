// The Analytics page's charts: each <canvas data-chart> is drawn with Chart.js from the table named by its
// data-table (a row's heading is the label, its first cell the count), so the chart and the table say the same.
// No inline script (the Content-Security-Policy allows none); without JavaScript the tables remain.
(function () {
  'use strict';
  var COLORS = ['#0b57d0', '#0d652d', '#a50e0e', '#8a4b00', '#6b3fa0', '#00687a', '#4a4f55', '#b3261e', '#1e6b52'];

  function rows(table) {
    var labels = [];
    var counts = [];
    table.querySelectorAll('tbody tr').forEach(function (row) {
      labels.push(row.querySelector('th').textContent.trim());
      counts.push(Number(row.querySelector('td').textContent.trim()));
    });
    return { labels: labels, counts: counts };
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.dataset.table);
    if (!table || window.Chart.getChart(canvas)) {
      return;
    }
    var data = rows(table);
    var kind = canvas.dataset.chart;
    var round = kind === 'doughnut';
    new window.Chart(canvas, {
      type: kind === 'funnel' ? 'bar' : kind,
      data: {
        labels: data.labels,
        datasets: [{
          label: canvas.dataset.unit,
          data: data.counts,
          backgroundColor: round ? COLORS : COLORS[0],
          borderColor: round ? '#fff' : COLORS[0],
          tension: 0.2,
          fill: false
        }]
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: kind === 'funnel' ? 'y' : 'x',
        plugins: { legend: { display: round, position: 'right' } },
        scales: round ? {} : {
          x: { beginAtZero: true, ticks: { precision: 0, color: '#1b1b1b' } },
          y: { beginAtZero: true, ticks: { precision: 0, color: '#1b1b1b' } }
        }
      }
    });
  }

  function drawAll() {
    if (!window.Chart) {
      return;
    }
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
