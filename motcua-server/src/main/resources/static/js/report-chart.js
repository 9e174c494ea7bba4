// Monthly trend of the report page: data comes from the canvas's data- attributes (no inline script: the CSP forbids it).
(function () {
  var canvas = document.getElementById('trend-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  function numbers(name) {
    return (canvas.dataset[name] || '').split(',').map(function (v) { return v === '' ? null : Number(v); });
  }
  new Chart(canvas, {
    data: {
      labels: (canvas.dataset.labels || '').split(','),
      datasets: [
        { type: 'bar', label: canvas.dataset.labelReceived, data: numbers('received'), yAxisID: 'y' },
        { type: 'bar', label: canvas.dataset.labelResolved, data: numbers('resolved'), yAxisID: 'y' },
        { type: 'line', label: canvas.dataset.labelOntime, data: numbers('ontime'), yAxisID: 'rate' }
      ]
    },
    options: {
      animation: false,
      scales: {
        y: { beginAtZero: true, position: 'left' },
        rate: { min: 0, max: 100, position: 'right', grid: { drawOnChartArea: false } }
      }
    }
  });
})();
