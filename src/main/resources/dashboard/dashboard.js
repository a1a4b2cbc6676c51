/* The auditors' dashboard: reads the API with the key the user enters (kept in sessionStorage).
 * Every value from the API reaches the page through textContent, never as HTML. */
(function () {
  'use strict';

  var TARGET = 0.9;            // the compliance target the page measures against
  var PAGE_SIZE = 25;
  var KEY_STORE = 'service-standards.api-key';
  var DAY = 86400000;

  var state = { from: null, to: null, page: 1, after: {}, total: 0, charts: {}, finding: null, loads: 0, asked: 0 };

  function $(id) { return document.getElementById(id); }

  /** An element with attributes (class, title, data-*) and children (strings become text). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== null && attrs[name] !== undefined) { node.setAttribute(name, String(attrs[name])); }
    });
    (children || []).forEach(function (child) {
      node.appendChild(child instanceof Node ? child : document.createTextNode(child === null || child === undefined ? '' : String(child)));
    });
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function percent(rate) { return rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + ' %'; }

  /** PT94H14M33.49S or P7DT22H as "3 d 22 h 14 min"; anything else as it came. */
  function duration(text) {
    var m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(text || '');
    if (!m) { return text === null || text === undefined ? '—' : String(text); }
    var total = (+(m[1] || 0)) * 86400 + (+(m[2] || 0)) * 3600 + (+(m[3] || 0)) * 60 + Math.floor(+(m[4] || 0));
    var d = Math.floor(total / 86400), h = Math.floor(total % 86400 / 3600), min = Math.floor(total % 3600 / 60), s = total % 60;
    var parts = [];
    if (d) { parts.push(d + ' d'); }
    if (h) { parts.push(h + ' h'); }
    if (min) { parts.push(min + ' min'); }
    if (s && !d && !h) { parts.push(s + ' s'); }
    return parts.length ? parts.join(' ') : '0 s';
  }

  function when(instant) { return instant ? String(instant).replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '—'; }

  function day(date) { return date.toISOString().slice(0, 10); }

  // ---- key and messages -------------------------------------------------------------------

  function key() { return sessionStorage.getItem(KEY_STORE) || ''; }

  function say(text, info) {
    var box = $('message');
    box.textContent = text;
    box.className = info ? 'message info' : 'message';
    box.hidden = !text;
  }

  /** A failed call, as the user should read it. */
  function Refused(status, detail) { this.status = status; this.detail = detail; }

  function explain(error) {
    if (error instanceof Refused) {
      if (error.status === 401) {
        return 'The API key was refused (401): ' + (key() ? 'it is unknown or revoked.' : 'enter a key above.') + ' Paste a key with the auditor role.';
      }
      if (error.status === 403) {
        return 'This key may not read reports (403): it needs the auditor role. ' + (error.detail || '');
      }
      return 'The service answered ' + error.status + ': ' + (error.detail || 'no detail');
    }
    return 'The service could not be reached: ' + error.message;
  }

  function call(path) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + key(), 'Accept': 'application/json, text/csv' } })
      .then(function (response) {
        if (response.ok) { return response; }
        return response.json().catch(function () { return {}; }).then(function (problem) {
          throw new Refused(response.status, problem.detail);
        });
      });
  }

  function json(path) { return call(path).then(function (r) { return r.json(); }); }

  function query(params) {
    return Object.keys(params).filter(function (k) { return params[k] !== '' && params[k] !== null && params[k] !== undefined; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]); }).join('&');
  }

  function period(extra) {
    return Object.assign({ from: state.from, to: state.to }, extra || {});
  }

  function compliance(groupBy, extra) {
    return json('/api/v1/reports/compliance?' + query(period(Object.assign({ groupBy: groupBy }, extra))));
  }

  /** Fetches CSV with the key and saves it under the name the service gives. */
  function download(path) {
    call(path).then(function (response) {
      var disposition = response.headers.get('Content-Disposition') || '';
      var name = (/filename="([^"]+)"/.exec(disposition) || [null, 'export.csv'])[1];
      return response.blob().then(function (blob) {
        var url = URL.createObjectURL(blob);
        var a = el('a', { href: url, download: name });
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      });
    }).catch(function (e) { say(explain(e)); });
  }

  // ---- charts -----------------------------------------------------------------------------

  var COLOURS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#dc2626', '#4b5563', '#ca8a04', '#0d9488'];

  function chart(id, config) {
    if (state.charts[id]) { state.charts[id].destroy(); }
    if (typeof Chart === 'undefined') { return; }
    var own = config.options || {};
    config.options = {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + ' %'; } } } },
      plugins: Object.assign({ tooltip: { callbacks: { label: function (c) {
        return c.dataset.label + ': ' + (c.parsed.y === null ? '—' : c.parsed.y.toFixed(1) + ' %');
      } } } }, own.plugins)
    };
    state.charts[id] = new Chart($(id), config);
  }

  function ratePoints(rows) { return rows.map(function (r) { return r.rate === null ? null : Math.round(r.rate * 1000) / 10; }); }

  function targetLine(count) {
    return { type: 'line', label: 'target ' + percent(TARGET), data: new Array(count).fill(TARGET * 100),
      borderColor: '#b42318', borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, fill: false };
  }

  function drawStandards(report) {
    var rows = report.rows;
    chart('chart-standards', {
      type: 'bar',
      data: {
        labels: rows.map(function (r) { return r.standard; }),
        datasets: [
          { label: 'compliance', data: ratePoints(rows), maxBarThickness: 48,
            backgroundColor: rows.map(function (r) { return r.rate !== null && r.rate < TARGET ? '#f97066' : '#32d583'; }) },
          targetLine(rows.length)
        ]
      },
      options: { plugins: { legend: { display: false } } }
    });
  }

  function drawWeeks(overall, perStandard) {
    var weeks = overall.rows.map(function (r) { return r.week; });
    var datasets = [{ label: 'all standards', data: ratePoints(overall.rows), borderColor: '#17202b', backgroundColor: '#17202b', borderWidth: 3, tension: 0.2 }];
    if (perStandard) {
      var byStandard = {};
      perStandard.rows.forEach(function (r) { (byStandard[r.standard] = byStandard[r.standard] || {})[r.week] = r; });
      Object.keys(byStandard).sort().forEach(function (standard, i) {
        var colour = COLOURS[i % COLOURS.length];
        datasets.push({ label: standard, borderColor: colour, backgroundColor: colour, borderWidth: 1.5, tension: 0.2, spanGaps: true,
          data: weeks.map(function (w) { var r = byStandard[standard][w]; return r && r.rate !== null ? Math.round(r.rate * 1000) / 10 : null; }) });
      });
    }
    datasets.push(targetLine(weeks.length));
    chart('chart-weeks', { type: 'line', data: { labels: weeks, datasets: datasets },
      options: { plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } } } });
  }

  // ---- tables -----------------------------------------------------------------------------

  function fill(tableId, rows, columns, empty) {
    var body = $(tableId).tBodies[0];
    clear(body);
    if (!rows.length) {
      body.appendChild(el('tr', {}, [el('td', { colspan: columns, 'class': 'empty' }, [empty])]));
    }
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function lowest(tableId, report, group) {
    var rows = report.rows.filter(function (r) { return r.rate !== null; })
      .sort(function (a, b) { return a.rate - b.rate || b.fail - a.fail; }).slice(0, 8);
    fill(tableId, rows.map(function (r) {
      var below = r.rate < TARGET;
      var gap = (r.rate - TARGET) * 100;
      return el('tr', { 'class': below ? 'below' : 'meets' }, [
        el('td', { 'class': r[group] ? null : 'kind' }, [r[group] || '(no ' + group + ')']),
        el('td', { 'class': 'num' }, [percent(r.rate)]),
        el('td', { 'class': 'num gap ' + (below ? 'below' : 'meets') }, [(gap >= 0 ? '+' : '−') + Math.abs(gap).toFixed(1) + ' pts']),
        el('td', { 'class': 'num' }, [r.pass]),
        el('td', { 'class': 'num' }, [r.fail]),
        el('td', { 'class': 'num' }, [r.pending])
      ]);
    }), 6, 'nothing judged in this period');
  }

  function subject(item) {
    return item.subjectKind === 'customer'
      ? el('span', {}, [item.interactionId, ' ', el('span', { 'class': 'kind' }, ['customer'])])
      : el('span', {}, [item.interactionId, item.revision ? ' ' : '', el('span', { 'class': 'kind' }, [item.revision ? 'rev ' + item.revision : ''])]);
  }

  function options(selectId, values) {
    var select = $(selectId);
    var chosen = select.value;
    while (select.options.length > 1) { select.remove(1); }
    values.filter(function (v) { return v; }).sort().forEach(function (v) { select.appendChild(el('option', { value: v }, [v])); });
    if (values.indexOf(chosen) >= 0) { select.value = chosen; }
  }

  // ---- loading ----------------------------------------------------------------------------

  function loadAtRisk() {
    var within = $('within').value;
    return json('/api/v1/at-risk?' + query({ within: within, limit: 200 })).then(function (risk) {
      $('tile-at-risk').textContent = risk.items.length;
      $('tile-at-risk').nextElementSibling.textContent = 'at risk within ' + $('within').selectedOptions[0].textContent;
      fill('at-risk', risk.items.map(function (item) {
        return el('tr', { 'class': item.overdue ? 'overdue' : null, title: item.overdue ? 'overdue' : null }, [
          el('td', {}, [when(item.dueAt), item.overdue ? ' (overdue)' : '']),
          el('td', {}, [item.standard]),
          el('td', {}, [subject(item)]),
          el('td', {}, [item.customer, item.tier ? ' ' : '', el('span', { 'class': 'kind' }, [item.tier || ''])]),
          el('td', {}, [item.agent]),
          el('td', {}, [item.team]),
          el('td', {}, [item.channel])
        ]);
      }), 7, 'nothing falls due within ' + $('within').selectedOptions[0].textContent);
    });
  }

  function violationFilters(extra) {
    return period(Object.assign({
      standard: $('f-standard').value, severity: $('f-severity').value, team: $('f-team').value, agent: $('f-agent').value,
      size: PAGE_SIZE
    }, extra || {}));
  }

  // The first page is asked for by number, which brings the total; each later one after the
  // cursor its predecessor gave (state.after[n] is where page n starts), so it costs no more.
  function loadViolations() {
    var asked = ++state.asked;
    var paging = state.page === 1 ? { page: 1 } : { after: state.after[state.page] };
    return json('/api/v1/violations?' + query(violationFilters(paging))).then(function (page) {
      if (asked !== state.asked) { return; }   // a later choice is on its way; show only that one
      if (page.total !== undefined) { state.total = page.total; }
      state.after[state.page + 1] = page.next;
      var pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
      $('page-info').textContent = 'page ' + state.page + ' of ' + pages + ' · ' + state.total + ' findings';
      $('page-prev').disabled = state.page <= 1;
      $('page-next').disabled = !page.next;
      $('violations').setAttribute('data-total', state.total);
      fill('violations', page.items.map(function (item) {
        var open = el('button', { type: 'button', 'class': 'link open' }, ['Evidence']);
        open.addEventListener('click', function () { showFinding(item, row); });
        var row = el('tr', {}, [
          el('td', {}, [when(item.openedAt)]),
          el('td', {}, [item.standard]),
          el('td', {}, [el('span', { 'class': 'sev sev-' + item.severity }, [item.severity])]),
          el('td', {}, [subject(item)]),
          el('td', {}, [item.agent]),
          el('td', {}, [item.team]),
          el('td', { 'class': 'num', title: item.measured }, [duration(item.measured)]),
          el('td', { 'class': 'num', title: item.target }, [duration(item.target)]),
          el('td', {}, [open])
        ]);
        return row;
      }), 9, 'no findings match');
      state.loads++;
      document.body.setAttribute('data-violation-loads', state.loads);
    });
  }

  function loadAll() {
    if (!key()) {
      say('Enter an API key with the auditor role to see the reports. It is kept for this browser tab only.', true);
      return Promise.resolve();
    }
    say('');
    document.body.setAttribute('data-state', 'loading');
    var perStandard = $('weeks-per-standard').checked;
    return Promise.all([
      compliance(''), compliance('standard'), compliance('week'), perStandard ? compliance('week,standard') : null,
      compliance('agent'), compliance('team')
    ]).then(function (r) {
      var total = r[0].total;
      $('tile-rate').textContent = percent(total.rate);
      $('tile-rate').parentNode.className = 'tile ' + (total.rate === null ? '' : total.rate < TARGET ? 'below' : 'meets');
      $('tile-pass').textContent = total.pass;
      $('tile-fail').textContent = total.fail;
      $('tile-pending').textContent = total.pending;
      drawStandards(r[1]);
      drawWeeks(r[2], r[3]);
      lowest('agents', r[4], 'agent');
      lowest('teams', r[5], 'team');
      options('f-standard', r[1].rows.map(function (x) { return x.standard; }));
      options('f-agent', r[4].rows.map(function (x) { return x.agent; }));
      options('f-team', r[5].rows.map(function (x) { return x.team; }));
      return Promise.all([loadViolations(), loadAtRisk(),
        json('/api/v1/violations?' + query(period({ page: 1, size: 1 }))).then(function (all) { $('tile-violations').textContent = all.total; })]);
    }).then(function () {
      document.body.setAttribute('data-state', 'loaded');
    }).catch(function (e) {
      document.body.setAttribute('data-state', 'failed');
      say(explain(e));
    });
  }

  // ---- a finding's evidence ---------------------------------------------------------------

  function showFinding(item, row) {
    state.finding = item;
    Array.prototype.forEach.call(document.querySelectorAll('#violations tr.selected'), function (r) { r.classList.remove('selected'); });
    row.classList.add('selected');
    var facts = $('evidence-facts');
    clear(facts);
    var customer = item.subjectKind === 'customer';
    [
      ['Standard', item.standard],
      ['Severity', el('span', { 'class': 'sev sev-' + item.severity }, [item.severity])],
      ['Measured vs target', el('span', { 'class': 'versus' }, [duration(item.measured) + '  vs  ' + duration(item.target)])],
      ['As recorded', (item.measured || '—') + ' vs ' + (item.target || '—')],
      ['Message', item.message],
      ['Rule', item.rule],
      ['Rule-set version', item.ruleset],
      [customer ? 'Customer (judged over history)' : 'Record', customer ? item.interactionId
        : item.interactionId + (item.revision ? ', revision ' + item.revision : '')],
      ['Customer', (item.customer || '—') + (item.tier ? ' (' + item.tier + ')' : '')],
      ['Agent / team', (item.agent || '—') + ' / ' + (item.team || '—')],
      ['Channel', item.channel || '—'],
      ['Opened', when(item.openedAt)]
    ].filter(function (fact) {
      return fact[0] !== 'As recorded' || duration(item.measured) !== item.measured || duration(item.target) !== item.target;
    }).forEach(function (fact) {
      facts.appendChild(el('dt', {}, [fact[0]]));
      facts.appendChild(el('dd', {}, [fact[1]]));
    });
    $('show-subject').textContent = customer ? 'Show the customer' : 'Show the record';
    $('detail').hidden = true;
    $('detail-title').hidden = true;
    $('evidence').hidden = false;
    $('evidence').scrollIntoView({ block: 'nearest' });
  }

  function detail(title, path, render) {
    json(path).then(function (body) {
      $('detail-title').textContent = title;
      $('detail').textContent = render(body);
      $('detail-title').hidden = false;
      $('detail').hidden = false;
    }).catch(function (e) { say(explain(e)); });
  }

  function showSubject() {
    var item = state.finding;
    if (item.subjectKind === 'customer') {
      detail('Customer ' + item.interactionId, '/api/v1/customers/' + encodeURIComponent(item.interactionId),
        function (body) { return JSON.stringify(body, null, 2); });
    } else {
      detail('Record ' + item.interactionId + ': its revisions and verdicts', '/api/v1/interactions/' + encodeURIComponent(item.interactionId),
        function (body) { return JSON.stringify(body, null, 2); });
    }
  }

  function showRule() {
    var item = state.finding;
    detail('Rule "' + item.rule + '" of ' + item.ruleset,
      '/api/v1/rules/versions/' + encodeURIComponent(item.ruleset) + '/rule?' + query({ name: item.rule }),
      function (body) { return '// ' + body.file + ':' + body.line + '\n' + body.text; });
  }

  // ---- wiring -----------------------------------------------------------------------------

  function readPeriod() {
    var from = new Date($('from').value + 'T00:00:00Z');
    var to = new Date($('to').value + 'T00:00:00Z');
    if (isNaN(from) || isNaN(to) || to < from) {
      say('Choose a period whose end is on or after its start.');
      return false;
    }
    state.from = from.toISOString();
    state.to = new Date(to.getTime() + DAY).toISOString();   // the API's to is exclusive
    return true;
  }

  function start() {
    var params = new URLSearchParams(location.search);
    var today = new Date();
    $('to').value = params.get('to') || day(today);
    $('from').value = params.get('from') || day(new Date(today.getTime() - 27 * DAY));
    $('target-label').textContent = percent(TARGET);
    $('key').value = key();

    $('key-form').addEventListener('submit', function (e) {
      e.preventDefault();
      sessionStorage.setItem(KEY_STORE, $('key').value.trim());
      state.page = 1;
      if (readPeriod()) { loadAll(); }
    });
    $('key-forget').addEventListener('click', function () {
      sessionStorage.removeItem(KEY_STORE);
      $('key').value = '';
      say('The key is forgotten. Enter a key with the auditor role to see the reports.', true);
    });
    $('period').addEventListener('submit', function (e) {
      e.preventDefault();
      state.page = 1;
      if (readPeriod()) { loadAll(); }
    });
    ['f-standard', 'f-severity', 'f-team', 'f-agent'].forEach(function (id) {
      $(id).addEventListener('change', function () {
        state.page = 1;
        loadViolations().catch(function (e) { say(explain(e)); });
      });
    });
    $('page-prev').addEventListener('click', function () { state.page--; loadViolations().catch(function (e) { say(explain(e)); }); });
    $('page-next').addEventListener('click', function () { state.page++; loadViolations().catch(function (e) { say(explain(e)); }); });
    $('within').addEventListener('change', function () { loadAtRisk().catch(function (e) { say(explain(e)); }); });
    $('weeks-per-standard').addEventListener('change', function () {
      Promise.all([compliance('week'), $('weeks-per-standard').checked ? compliance('week,standard') : null])
        .then(function (r) { drawWeeks(r[0], r[1]); }).catch(function (e) { say(explain(e)); });
    });
    $('evidence-close').addEventListener('click', function () { $('evidence').hidden = true; });
    $('show-subject').addEventListener('click', showSubject);
    $('show-rule').addEventListener('click', showRule);

    var csv = { format: 'csv' };
    $('csv-standards').addEventListener('click', function () { download('/api/v1/reports/compliance?' + query(period(Object.assign({ groupBy: 'standard' }, csv)))); });
    $('csv-weeks').addEventListener('click', function () { download('/api/v1/reports/compliance?' + query(period(Object.assign({ groupBy: 'week,standard' }, csv)))); });
    $('csv-agents').addEventListener('click', function () { download('/api/v1/reports/compliance?' + query(period(Object.assign({ groupBy: 'agent' }, csv)))); });
    $('csv-teams').addEventListener('click', function () { download('/api/v1/reports/compliance?' + query(period(Object.assign({ groupBy: 'team' }, csv)))); });
    $('csv-violations').addEventListener('click', function () { download('/api/v1/violations?' + query(violationFilters({ format: 'csv', page: 1, size: 500 }))); });

    if (readPeriod()) { loadAll(); }
  }

  document.addEventListener('DOMContentLoaded', start);
}());
