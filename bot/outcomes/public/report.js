// The outcomes page: asks /desk/report.json with the desk token, then shows the figures as a table and
// two Chart.js charts (served from node_modules by the bot). The token stays in this page's memory only.
(function () {
  'use strict';

  var s = JSON.parse(document.getElementById('page-strings').textContent);
  var LOCALES = ['zh-CN', 'en'];
  var RATINGS = ['1', '2', '3', '4', '5'];
  var status = document.getElementById('status');
  var section = document.getElementById('figures');
  var charts = [];

  function duration(seconds) {
    if (seconds === null) return '–';
    var u = s.units;
    if (seconds < 60) return Math.round(seconds) + ' ' + u.s;
    if (seconds < 3600) return Math.floor(seconds / 60) + ' ' + u.min + ' ' + Math.round(seconds % 60) + ' ' + u.s;
    return Math.floor(seconds / 3600) + ' ' + u.h + ' ' + Math.round((seconds % 3600) / 60) + ' ' + u.min;
  }

  function cell(row, text, header) {
    var el = document.createElement(header ? 'th' : 'td');
    el.textContent = text;
    row.appendChild(el);
  }

  function renderTable(report) {
    var columns = [[s.overall, report.overall]].concat(
      LOCALES.map(function (l) {
        return [s.languageNames[l], report.languages[l]];
      }),
    );
    var rows = [
      [
        s.conversations,
        function (f) {
          return String(f.conversations);
        },
      ],
      [
        s.contained,
        function (f) {
          return f.contained + (f.containedRate === null ? '' : ' (' + Math.round(f.containedRate * 100) + '%)');
        },
      ],
      [
        s.abandoned,
        function (f) {
          return String(f.abandoned);
        },
      ],
      [
        s.handoffs,
        function (f) {
          return String(f.handoffs);
        },
      ],
      [
        s.taken,
        function (f) {
          return String(f.taken);
        },
      ],
      [
        s.medianTake,
        function (f) {
          return duration(f.medianTimeToTakeSeconds);
        },
      ],
      [
        s.medianHandling,
        function (f) {
          return duration(f.medianHandlingSeconds);
        },
      ],
      [
        s.csatAverage,
        function (f) {
          return f.csat.average === null ? '–' : f.csat.average.toFixed(2);
        },
      ],
      [
        s.csatResponses,
        function (f) {
          return String(f.csat.responses);
        },
      ],
    ];
    var table = document.getElementById('table');
    table.textContent = '';
    var head = table.insertRow();
    cell(head, '', true);
    columns.forEach(function (c) {
      cell(head, c[0], true);
    });
    rows.forEach(function (r) {
      var row = table.insertRow();
      row.setAttribute('data-metric', r[0]);
      cell(row, r[0], true);
      columns.forEach(function (c) {
        cell(row, r[1](c[1]), false);
      });
    });
  }

  function renderUnanswered(report) {
    var box = document.getElementById('unanswered');
    box.textContent = '';
    LOCALES.forEach(function (l) {
      var h = document.createElement('h3');
      h.textContent = s.languageNames[l];
      box.appendChild(h);
      var list = document.createElement('ol');
      var top = report.languages[l].topUnanswered;
      if (top.length === 0) {
        var none = document.createElement('li');
        none.textContent = s.noUnanswered;
        list.appendChild(none);
      }
      top.forEach(function (q) {
        var li = document.createElement('li');
        li.textContent = q.count + '× ' + q.question; // customers' words: text, never HTML
        list.appendChild(li);
      });
      box.appendChild(list);
    });
  }

  function renderCharts(report) {
    charts.forEach(function (c) {
      c.destroy();
    });
    var labels = LOCALES.map(function (l) {
      return s.languageNames[l];
    });
    var per = function (pick) {
      return LOCALES.map(function (l) {
        return pick(report.languages[l]);
      });
    };
    charts = [
      new window.Chart(document.getElementById('outcomes-chart'), {
        type: 'bar',
        data: {
          labels: labels,
          datasets: [
            {
              label: s.conversations,
              data: per(function (f) {
                return f.conversations;
              }),
            },
            {
              label: s.contained,
              data: per(function (f) {
                return f.contained;
              }),
            },
            {
              label: s.abandoned,
              data: per(function (f) {
                return f.abandoned;
              }),
            },
            {
              label: s.handoffs,
              data: per(function (f) {
                return f.handoffs;
              }),
            },
          ],
        },
        options: { animation: false, responsive: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      }),
      new window.Chart(document.getElementById('csat-chart'), {
        type: 'bar',
        data: {
          labels: RATINGS,
          datasets: LOCALES.map(function (l) {
            return {
              label: s.languageNames[l],
              data: RATINGS.map(function (r) {
                return report.languages[l].csat.distribution[r];
              }),
            };
          }),
        },
        options: { animation: false, responsive: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      }),
    ];
  }

  document.getElementById('login').addEventListener('submit', function (event) {
    event.preventDefault();
    var token = document.getElementById('token').value;
    var days = document.getElementById('days').value;
    status.textContent = '';
    fetch('/desk/report.json?days=' + encodeURIComponent(days), { headers: { authorization: 'Bearer ' + token } })
      .then(function (res) {
        if (res.status === 401) throw new Error('unauthorized');
        if (!res.ok) throw new Error('failed');
        return res.json();
      })
      .then(function (report) {
        document.getElementById('period').textContent = report.from + ' – ' + report.to + ' · ' + s.daysLabel + ' ' + report.days;
        renderTable(report);
        renderUnanswered(report);
        section.hidden = false;
        renderCharts(report);
        section.setAttribute('data-ready', 'true');
      })
      .catch(function (err) {
        section.hidden = true;
        status.textContent = err.message === 'unauthorized' ? s.wrongToken : s.loadFailed;
      });
  });
})();
