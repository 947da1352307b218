// O2C operations dashboard: polls /v1/dashboard/* and draws its own SVG charts. No dependencies.
(() => {
  'use strict';

  const REFRESH_MS = 1500;
  // The operator key from the sign-in page (sessionStorage: gone with the tab); without one the
  // sign-in cookie still carries these reads. A 401 (revoked, or never signed in) goes back to sign-in.
  const key = sessionStorage.getItem('o2c-key');
  const api = (path) => fetch('/v1/dashboard/' + path, { cache: 'no-store', headers: key ? { 'X-Api-Key': key } : {} }).then((r) => {
    if (r.status === 401) location.assign('/signin?returnUrl=' + encodeURIComponent(location.pathname));
    if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
    return r.json();
  });

  const $ = (id) => document.getElementById(id);
  const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const currencies = {};
  const money = (amount, currency) => {
    currencies[currency] ||= new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    return currencies[currency].format(amount);
  };
  const rate = (v) => (v >= 100 ? integer.format(v) : decimal.format(v));
  const ms = (v) => (v == null ? '–' : v >= 100 ? integer.format(v) + ' ms' : v >= 1 ? decimal.format(v) + ' ms' : v.toFixed(3) + ' ms');
  const bytes = (v) => (v >= 1 << 30 ? decimal.format(v / (1 << 30)) + ' GiB' : integer.format(v / (1 << 20)) + ' MiB');
  const escape = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const duration = (seconds) => {
    const s = Math.floor(seconds);
    if (s < 60) return s + 's';
    if (s < 3600) return Math.floor(s / 60) + 'm ' + (s % 60) + 's';
    if (s < 86400) return Math.floor(s / 3600) + 'h ' + Math.floor((s % 3600) / 60) + 'm';
    return Math.floor(s / 86400) + 'd ' + Math.floor((s % 86400) / 3600) + 'h';
  };
  const clockTime = (iso) => new Date(iso).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

  // Sets text and the raw value (data-value) tests and scripts can read without parsing formats.
  const show = (id, value, text) => {
    const el = $(id);
    if (!el) return;
    el.dataset.value = String(value);
    el.textContent = text ?? integer.format(value);
  };

  // ---- charts -------------------------------------------------------------------------------
  const history = [];
  const HISTORY_CAP = 600;
  let lastPoint = 0;
  let chartMinutes = 5;

  const niceMax = (v) => {
    if (!(v > 0)) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    const f = v / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  };
  const svgEl = (name, attrs) => {
    const el = document.createElementNS('http://www.w3.org/2000/svg', name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  };

  function drawChart(figure) {
    const key = figure.dataset.series;
    const svg = figure.querySelector('svg');
    const W = 400, H = 150, L = 34, R = 6, T = 8, B = 18;
    // Server time of the newest sample: the charts never depend on the browser's clock.
    const now = history.length ? history[history.length - 1].t : Date.now();
    const from = now - chartMinutes * 60000;
    const points = history.filter((p) => p.t >= from);
    const values = points.map((p) => p[key]).filter((v) => v != null);
    const max = niceMax(Math.max(0, ...values));
    const x = (t) => L + ((t - from) / (now - from)) * (W - L - R);
    const y = (v) => T + (1 - v / max) * (H - T - B);

    svg.replaceChildren();
    for (let i = 0; i <= 2; i++) {
      const v = (max * i) / 2;
      svg.append(svgEl('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'gridline' }));
      const label = svgEl('text', { x: L - 4, y: y(v) + 3, class: 'axis', 'text-anchor': 'end' });
      label.textContent = v >= 1000 ? integer.format(v / 1000) + 'k' : v < 1 && v > 0 ? v.toFixed(1) : integer.format(v);
      svg.append(label);
    }
    for (let m = 0; m <= chartMinutes; m += chartMinutes <= 1 ? 0.5 : chartMinutes <= 5 ? 1 : 2) {
      const t = now - m * 60000;
      const label = svgEl('text', { x: x(t), y: H - 4, class: 'axis', 'text-anchor': m === 0 ? 'end' : 'middle' });
      label.textContent = m === 0 ? 'now' : '-' + m + 'm';
      svg.append(label);
    }

    // One path per run of known values: a second without calls has no p99 and leaves a gap.
    let line = '', area = '', run = [];
    const flush = () => {
      if (run.length === 0) return;
      const d = run.map(([t, v], i) => (i ? 'L' : 'M') + x(t).toFixed(1) + ',' + y(v).toFixed(1)).join('');
      line += d;
      area += d + 'L' + x(run[run.length - 1][0]).toFixed(1) + ',' + y(0) + 'L' + x(run[0][0]).toFixed(1) + ',' + y(0) + 'Z';
      run = [];
    };
    for (const p of points) {
      if (p[key] == null) flush(); else run.push([p.t, p[key]]);
    }
    flush();
    svg.append(svgEl('path', { d: area || 'M0,0', class: 'area' }));
    svg.append(svgEl('path', { d: line || 'M0,0', class: 'line' }));

    const latest = points.length ? points[points.length - 1][key] : null;
    const nowLabel = figure.querySelector('.now');
    nowLabel.dataset.value = String(latest ?? '');
    nowLabel.textContent = latest == null ? '–' : (key === 'p99Ms' ? ms(latest) : rate(latest) + nowLabel.dataset.unit);
    figure.dataset.points = String(points.length);
  }

  const drawCharts = () => document.querySelectorAll('figure.chart').forEach(drawChart);

  $('chart-range').addEventListener('click', (e) => {
    const minutes = Number(e.target.dataset?.minutes);
    if (!minutes) return;
    chartMinutes = minutes;
    $('chart-range').querySelectorAll('button').forEach((b) => b.classList.toggle('active', b === e.target));
    drawCharts();
  });

  // ---- panels -------------------------------------------------------------------------------
  function renderCluster(c) {
    show('cluster-alive', c.alive);
    show('cluster-joining', c.joining);
    show('cluster-stopping', c.stopping);
    show('cluster-dead', c.dead);
    $('cluster-id').textContent = 'Orleans cluster ' + c.clusterId;
    // Dead silos: Orleans keeps no time of death, so "last seen" is their last I-am-alive.
    $('silos').innerHTML = c.silos.map((s) => {
      const gone = s.status !== 'alive';
      const status = gone
        ? `<span class="badge ${s.status}">${s.status}</span><span class="when" data-testid="silo-died" title="${escape(s.diedAt ?? s.lastHeartbeat)}">${s.diedAt ? 'last seen ' + duration((Date.parse(c.now) - Date.parse(s.diedAt)) / 1000) + ' ago<br>' + clockTime(s.diedAt) : ''}</span>`
        : '<span class="badge alive">alive</span>';
      return `<tr data-testid="silo-row" data-status="${s.status}" data-this-silo="${s.thisSilo}" class="${gone ? 'gone' : ''} ${s.thisSilo ? 'this-silo' : ''}">
        <td><span class="mono">${escape(s.siloId)}</span>${s.thisSilo ? ' <span class="hint">(this silo)</span>' : ''}<span class="sub mono">${escape(s.hostName)} · ${escape(s.address ?? 'no address')}</span></td><td>${status}</td>
        <td class="num">${duration(s.uptimeSeconds)}</td><td class="num">${s.cpuPercent == null ? '–' : decimal.format(s.cpuPercent) + '%'}</td>
        <td class="num">${s.memoryBytes == null ? '–' : bytes(s.memoryBytes)}</td><td class="num" data-testid="silo-activations" data-value="${s.activations ?? ''}">${s.activations == null ? '–' : integer.format(s.activations)}</td></tr>`;
    }).join('') || '<tr><td colspan="6" class="empty">no silos registered</td></tr>';
  }

  const methodSort = { key: 'callsPerSecond', descending: true };
  let lastGrains = null;

  function renderGrains(g) {
    lastGrains = g;
    $('silo-id').textContent = g.siloId;
    show('grains-activations', g.activations);
    show('grains-calls', g.calls);
    show('grains-calls-per-second', g.callsPerSecond, rate(g.callsPerSecond));
    show('grains-errors', g.errors);
    $('grains-window').textContent = `rates and latency over the last ${integer.format(g.windowSeconds)} s`;
    // Two scopes in one panel: say which is which.
    $('grains-scope').textContent = `Activations: whole cluster (${integer.format(g.activeSilos)} active silo${g.activeSilos === 1 ? '' : 's'}). `
      + `Calls, rates, latency and errors: silo ${g.siloId} only.`;
    $('grain-types').innerHTML = g.types.map((t) => `<tr data-testid="grain-type-row" data-grain-type="${escape(t.grainType)}">
      <td>${escape(t.grainType)}</td><td class="num" data-field="activations" data-value="${t.activations}">${integer.format(t.activations)}</td>
      <td class="num" data-field="calls" data-value="${t.calls}">${integer.format(t.calls)}</td>
      <td class="num" data-field="callsPerSecond" data-value="${t.callsPerSecond}">${rate(t.callsPerSecond)}</td>
      <td class="num">${ms(t.p50Ms)}</td><td class="num">${ms(t.p99Ms)}</td>
      <td class="num ${t.errors ? 'err' : ''}" data-field="errors" data-value="${t.errors}">${integer.format(t.errors)}</td></tr>`).join('')
      || '<tr><td colspan="7" class="empty">no grain calls yet</td></tr>';
    renderMethods();
  }

  function renderMethods() {
    if (!lastGrains) return;
    const { key, descending } = methodSort;
    const rows = [...lastGrains.methods].sort((a, b) => {
      const c = typeof a[key] === 'string' ? a[key].localeCompare(b[key]) : a[key] - b[key];
      return (descending ? -c : c) || a.grainType.localeCompare(b.grainType) || a.method.localeCompare(b.method);
    });
    $('methods').innerHTML = rows.map((m) => `<tr data-testid="method-row" data-method="${escape(m.grainType + '.' + m.method)}">
      <td>${escape(m.grainType)}</td><td class="mono">${escape(m.method)}</td>
      <td class="num" data-field="calls" data-value="${m.calls}">${integer.format(m.calls)}</td>
      <td class="num" data-field="callsPerSecond" data-value="${m.callsPerSecond}">${rate(m.callsPerSecond)}</td>
      <td class="num" data-field="p50Ms" data-value="${m.p50Ms}">${ms(m.p50Ms)}</td>
      <td class="num" data-field="p99Ms" data-value="${m.p99Ms}">${ms(m.p99Ms)}</td>
      <td class="num ${m.errors ? 'err' : ''}" data-field="errors" data-value="${m.errors}">${integer.format(m.errors)}</td></tr>`).join('')
      || '<tr><td colspan="7" class="empty">no grain calls yet</td></tr>';
    document.querySelectorAll('#methods-table th[data-sort]').forEach((th) => {
      th.classList.toggle('sorted', th.dataset.sort === key);
      th.dataset.direction = th.dataset.sort === key ? (descending ? 'desc' : 'asc') : '';
    });
  }

  document.querySelector('#methods-table thead').addEventListener('click', (e) => {
    const th = e.target.closest('th[data-sort]');
    if (!th) return;
    const key = th.dataset.sort;
    methodSort.descending = methodSort.key === key ? !methodSort.descending : !['grainType', 'method'].includes(key);
    methodSort.key = key;
    renderMethods();
  });

  function renderReminders(r) {
    show('reminders-registered', r.registered, (r.registeredEstimated ? '≈ ' : '') + integer.format(r.registered));
    show('reminders-due', r.dueNow, integer.format(r.dueNow) + (r.countsCapped ? '+' : ''));
    show('reminders-overdue', r.overdueBacklog, integer.format(r.overdueBacklog) + (r.countsCapped ? '+' : ''));
    $('reminders-overdue').classList.toggle('warn', r.overdueBacklog > 0);
    show('reminders-delivered-per-minute', r.deliveredPerMinute);
    show('reminders-lag-p50', r.lagP50Ms, ms(r.lagP50Ms));
    show('reminders-lag-p99', r.lagP99Ms, (r.lagCapped ? '≥ ' : '') + ms(r.lagP99Ms));
    show('reminders-oldest', r.oldestDueMs, ms(r.oldestDueMs));
    show('reminders-delivered', r.delivered, integer.format(r.delivered) + ' · ' + integer.format(r.failed));
    $('reminders-note').textContent = `table: service ${r.serviceId}, cluster-wide · delivered, failed, lag: silo ${r.siloId} · lag in wall time`;
    $('business-now').textContent = clockTime(r.businessNow);
  }

  const STAGE_NAMES = { None: 'Opened', PreDueReminder: 'Pre-due', Reminder: 'Reminder', SecondReminder: 'Second reminder', FinalNotice: 'Final notice', Collection: 'Collection' };

  function bars(id, rows, label, kind) {
    const max = Math.max(1, ...rows.map((r) => r.cases));
    $(id).innerHTML = rows.map((r) => `<div class="bar ${kind}-${escape(r.key)}" data-testid="${kind}-${escape(r.key)}" data-value="${r.cases}">
        <span class="label">${escape(label(r.key))}</span>
        <span class="track"><span class="fill" style="width:${((100 * r.cases) / max).toFixed(1)}%"></span></span>
        <span class="count">${integer.format(r.cases)}</span></div>`).join('') || '<div class="empty">no open cases</div>';
  }

  function renderBusiness(b) {
    show('business-orders-per-minute', b.ordersLastMinute);
    show('business-payments-per-minute', b.paymentsLastMinute);
    show('business-messages-per-minute', b.messagesLastMinute);
    show('business-open-cases', b.openCases);
    const dso = Object.fromEntries(b.dso.map((d) => [d.currency, d]));
    $('receivables').innerHTML = b.receivables.map((r) => `<tr data-testid="receivables-${escape(r.currency)}">
      <td>${escape(r.currency)}</td><td class="num" data-field="open" data-value="${r.open}">${integer.format(r.open)}</td>
      <td class="num" data-field="openAmount" data-value="${r.openAmount}">${money(r.openAmount, r.currency)}</td>
      <td class="num" data-field="overdue" data-value="${r.overdue}">${integer.format(r.overdue)}</td>
      <td class="num ${r.overdue ? 'warn' : ''}" data-field="overdueAmount" data-value="${r.overdueAmount}">${money(r.overdueAmount, r.currency)}</td>
      <td class="num" data-field="dso" data-value="${dso[r.currency]?.days ?? ''}">${dso[r.currency]?.days == null ? '–' : decimal.format(dso[r.currency].days) + ' d'}</td></tr>`).join('')
      || '<tr><td colspan="6" class="empty">nothing owed</td></tr>';

    const buckets = ['current', '1-30', '31-60', '61-90', '90+'];
    const byCurrency = {};
    for (const a of b.aging) (byCurrency[a.currency] ||= {})[a.bucket] = a;
    $('aging').innerHTML = Object.entries(byCurrency).map(([currency, row]) => {
      const total = buckets.reduce((s, k) => s + (row[k]?.amount ?? 0), 0) || 1;
      return `<div class="aging-row" data-testid="aging-${escape(currency)}"><span class="label">${escape(currency)}</span><span class="stack">${
        buckets.map((k, i) => `<span class="seg s${i}" style="width:${((100 * (row[k]?.amount ?? 0)) / total).toFixed(2)}%" title="${k}: ${money(row[k]?.amount ?? 0, currency)}"></span>`).join('')
      }</span></div><div class="aging-legend">${buckets.map((k, i) => `<span data-bucket="${k}" data-value="${row[k]?.amount ?? 0}"><i class="s${i}"></i>${k === 'current' ? 'not due' : k + ' d'} ${money(row[k]?.amount ?? 0, currency)}</span>`).join('')}</div>`;
    }).join('') || '<div class="empty">nothing owed</div>';

    bars('cases-by-stage', b.casesByStage, (k) => STAGE_NAMES[k] ?? k, 'stage');
    bars('cases-by-risk', b.casesByRiskProfile, (k) => k, 'risk');
  }

  const STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'];

  function renderDelivery(d) {
    $('delivery-channels').innerHTML = d.channels.map((c) => `<tr data-testid="delivery-${escape(c.channel)}">
      <td>${escape(c.channel)}</td>${STATUSES.map((s) => `<td class="num ${s === 'failed' && c.failed ? 'warn' : ''}" data-field="${s}" data-value="${c[s]}">${integer.format(c[s])}</td>`).join('')}
      <td class="num" data-field="oldestQueued" data-value="${c.oldestQueuedSeconds ?? ''}">${c.oldestQueuedSeconds == null ? '–' : duration(c.oldestQueuedSeconds)}</td></tr>`).join('');
    $('delivery-errors').innerHTML = d.lastErrors.map((e) => `<tr data-testid="delivery-error" data-message="${escape(e.messageId)}">
      <td>${escape(clockTime(e.at))}</td><td>${escape(e.messageId)}</td><td>${escape(e.channel)}</td><td>${escape(e.status)}</td>
      <td class="num">${integer.format(e.attempts)}</td><td class="error">${escape(e.error)}</td></tr>`).join('')
      || '<tr><td colspan="6" class="empty">no delivery errors</td></tr>';
  }

  // ---- refresh loop -------------------------------------------------------------------------
  let refreshes = 0;

  async function refresh() {
    try {
      const [cluster, grains, reminders, business, delivery, points] = await Promise.all([
        api('cluster'), api('grains'), api('reminders'), api('business'), api('delivery'), api('history?since=' + lastPoint),
      ]);
      for (const p of points.points) history.push(p);
      if (history.length > HISTORY_CAP) history.splice(0, history.length - HISTORY_CAP);
      if (history.length) lastPoint = history[history.length - 1].t;
      renderCluster(cluster);
      renderGrains(grains);
      renderReminders(reminders);
      renderBusiness(business);
      renderDelivery(delivery);
      drawCharts();
      refreshes++;
      const stamp = $('last-refresh');
      stamp.textContent = new Date().toLocaleTimeString('en-GB');
      stamp.dataset.refreshes = String(refreshes);
      setConnection('live', 'live');
    } catch (error) {
      setConnection('down', 'unreachable');
      console.warn(error);
    } finally {
      setTimeout(refresh, REFRESH_MS);
    }
  }

  function setConnection(state, text) {
    const el = $('connection');
    el.dataset.state = state;
    el.querySelector('span').textContent = text;
  }

  refresh();
})();
