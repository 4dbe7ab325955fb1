// Timmy's dashboard, part 2 of 4: the sections (header and alerts, at a glance, backlog, agents,
// velocity, house, escalations, cycles and actions), each drawn from the state.
'use strict';

// ---- header and alerts -------------------------------------------------------------------------
function renderHealth() {
  const h = state.health;
  $('mode').textContent = h.mode;
  $('mode').className = 'pill ' + (h.mode === 'live' ? 'warn' : 'info');
  $('source').textContent = h.source === 'demo' ? 'demo house' : 'gitea';
  const box = clear($('health'));
  box.appendChild(pill(h.status, h.status === 'ok' ? 'ok' : h.status === 'starting' ? 'warn' : 'bad'));
  if (h.lastCycle) box.appendChild(el('span', { class: 'muted', text: 'last cycle ' + h.lastCycle.id + ' · ' + h.lastCycle.status.toLowerCase() }));
  const alerts = clear($('alerts'));
  for (const e of (h.rules && h.rules.errors) || []) {
    alerts.appendChild(el('div', { class: 'alert', role: 'alert' }, el('b', { text: 'Rule error ' }),
      el('code', { text: (e.file || '?') + ':' + (e.line || '?') }), ' ', e.message || '',
      el('span', { class: 'muted', text: ' — the previous rules stay in force' })));
  }
  if (h.loop && h.loop.lastError) alerts.appendChild(el('div', { class: 'alert', role: 'alert' }, el('b', { text: 'Loop error ' }), h.loop.lastError));
  // Breakers as health lists them: an array, or an object by name.
  const raw = h.breakers;
  const breakers = Array.isArray(raw) ? raw : raw && typeof raw === 'object'
    ? Object.entries(raw).map(([name, v]) => Object.assign({ name }, v && typeof v === 'object' ? v : { state: v })) : [];
  for (const b of breakers) {
    if (!b || b.open === false || /^(closed|ok)$/i.test(String(b.state || ''))) continue;
    alerts.appendChild(el('div', { class: 'alert', role: 'alert' }, el('b', { text: 'Breaker open ' }), describe(b)));
  }
  if (state.status && state.status.writeFailures > 0) {
    alerts.appendChild(el('div', { class: 'alert', role: 'alert' }, el('b', { text: 'Write errors ' }),
      state.status.writeFailures + ' live write(s) failed in a row: the circuit breaker counts these'));
  }
  if (h.lastCycle && h.lastCycle.error) alerts.appendChild(el('div', { class: 'alert', role: 'alert' }, el('b', { text: 'Cycle ' + h.lastCycle.id + ' failed ' }), h.lastCycle.error));
}
function describe(o) {
  if (o === null || typeof o !== 'object') return String(o);
  return Object.entries(o).map(([k, v]) => k + ': ' + (typeof v === 'object' ? JSON.stringify(v) : v)).join(' · ');
}
function showNote(text) { $('alerts').appendChild(el('div', { class: 'alert info', text })); }

// ---- at a glance -------------------------------------------------------------------------------
function renderKpis() {
  const d = state.dash;
  const work = state.agents.agents.flatMap(a => a.work || []);
  const byStage = {};
  for (const w of work) byStage[w.stage] = (byStage[w.stage] || 0) + 1;
  const stages = Object.entries(byStage).map(([k, n]) => n + ' ' + k.replace(/_/g, ' ').toLowerCase()).join(' · ');
  const down = state.agents.agents.filter(a => a.state === 'STUCK' || a.state === 'OFFLINE').map(a => a.agent.name);
  const count = s => d.actions.filter(a => a.status === s).length;
  const vetoed = d.backlog.reduce((n, r) => n + r.proposals.filter(p => p.outcome === 'vetoed').length, 0);
  const v = d.velocity.perDay;
  const kpi = (label, value, note, cls) => el('div', { class: 'kpi ' + (cls || '') }, el('div', { class: 'kpi-value', text: value }),
    el('div', { class: 'kpi-label', text: label }), note ? el('div', { class: 'kpi-note', text: note }) : null);
  append(clear($('kpis')), [
    kpi('ranked issues', d.backlog.length, d.repos.length + ' repositories'),
    kpi('in flight', work.length, down.length ? down.join(', ') + ' stuck or offline' : stages || 'nothing', down.length ? 'warn' : ''),
    kpi('for Alex', d.escalations.length, d.escalations.length ? 'see below' : 'nothing', d.escalations.length ? 'warn' : ''),
    kpi(d.mode === 'live' ? 'done this cycle' : 'would do this cycle', count(d.mode === 'live' ? 'DONE' : 'WOULD_DO'), 'cycle ' + d.cycleId),
    kpi('refused · vetoed', count('REFUSED') + ' · ' + vetoed, 'by the guard · by the rules', count('REFUSED') + vetoed ? 'bad' : ''),
    kpi('closed · merged, 14 d', v.reduce((n, x) => n + x.issuesClosed, 0) + ' · ' + v.reduce((n, x) => n + x.pullsMerged, 0), 'issues · pull requests'),
  ]);
}

// ---- backlog -----------------------------------------------------------------------------------
function fillSelect(select, values) {
  const keep = select.value;
  clear(select).appendChild(el('option', { value: '', text: 'all' }));
  for (const v of values) select.appendChild(el('option', { value: v, text: v }));
  select.value = values.includes(keep) ? keep : '';
}
function renderFilters() {
  const d = state.dash;
  fillSelect($('f-repo'), d.repos);
  fillSelect($('f-agent'), d.agents.concat(['(none)']));
  fillSelect($('f-stage'), d.stages.concat(['(none)']));
}
function renderBacklog() {
  const d = state.dash;
  const repo = $('f-repo').value;
  const agent = $('f-agent').value;
  const stage = $('f-stage').value;
  const rows = d.backlog.filter(r => (!repo || r.repo === repo)
    && (!agent || (agent === '(none)' ? !r.agent : r.agent === agent))
    && (!stage || (stage === '(none)' ? !r.stage : r.stage === stage)));
  $('backlog-count').textContent = rows.length === d.backlog.length ? d.backlog.length + ' ranked' : rows.length + ' of ' + d.backlog.length;
  const body = clear($('backlog-table').tBodies[0]);
  for (const r of rows) {
    const labels = el('span', { class: 'labels' }, r.labels.map(l => el('span', { class: 'label', text: l })));
    const issue = el('td', { class: 'issue' },
      el('div', { class: 'title-line' }, r.pull ? el('span', { class: 'kind', text: 'PR' }) : null, el('span', { class: 'title', subject: r.subject, text: r.title })),
      el('div', { class: 'sub' }, el('span', { class: 'ref', text: r.subject }), labels));
    const route = el('td', { class: 'route', title: r.routeReason || '' }, r.agent ? el('span', { class: 'agent-name', subject: 'agent:' + r.agent }, el('i', { class: 'dot', 'data-agent': r.agent }), r.agent) : el('span', { class: 'muted', text: '—' }));
    if (r.agent) route.querySelector('i').style.background = agentColor(r.agent);
    if (r.stage) route.appendChild(el('div', null, pill(r.stage.replace(/_/g, ' ').toLowerCase(), r.stage === 'CI_FAILED' || r.stage === 'CHANGES_REQUESTED' ? 'warn' : 'info'),
      r.stageSince ? el('span', { class: 'sub', text: ' since ' + when(r.stageSince) }) : null));
    const props = el('td', { class: 'proposals' }, r.proposals.map(p => el('span', { class: 'prop ' + (OUTCOME_CLASS[p.outcome] || ''), title: p.reason + ' [' + p.ruleId + ']' + (p.detail ? '\n' + p.detail : '') },
      el('b', { text: p.kind.replace('_', ' ').toLowerCase() }), ' ', p.outcome)));
    body.appendChild(el('tr', { 'data-rank': r.rank, 'data-row-subject': r.subject },
      el('td', { class: 'num rank', text: r.rank }), el('td', { class: 'num' }, el('span', { class: 'prio', text: r.priority })), issue, route, props));
  }
  if (!rows.length) body.appendChild(el('tr', null, el('td', { class: 'muted', text: 'Nothing matches these filters.' })));
}

// ---- agents ------------------------------------------------------------------------------------
function bar(value, max, cls) {
  const outer = el('div', { class: 'bar ' + (cls || ''), role: 'meter', 'aria-valuenow': value, 'aria-valuemax': max });
  const inner = el('div', { class: 'fill' });
  inner.style.width = pct(value, max) + '%';
  outer.appendChild(inner);
  return outer;
}
function renderAgents() {
  const box = clear($('agents-list'));
  for (const a of state.agents.agents) {
    const name = a.agent.name;
    const load = a.load ? a.load.openAssignments : 0;
    const slots = a.agent.maxConcurrent;
    const q = a.quota;
    const r = a.record;
    const dot = el('i', { class: 'dot' });
    dot.style.background = agentColor(name);
    const work = el('ul', { class: 'work' }, (a.work || []).map(w => el('li', null,
      pill(w.stage.replace('_', ' ').toLowerCase(), w.stage === 'CI_FAILED' || w.stage === 'CHANGES_REQUESTED' ? 'warn' : 'info'), ' ',
      el('span', { subject: w.subject, text: w.subject }), w.pull ? [' → ', el('span', { subject: w.pull, text: w.pull.replace(/^.*\//, '') })] : null,
      el('span', { class: 'muted', text: ' since ' + when(w.since) }))));
    box.appendChild(el('article', { class: 'agent', 'data-agent': name },
      el('div', { class: 'agent-head' }, dot, el('span', { class: 'agent-title', subject: a.subject, text: name }),
        el('span', { class: 'muted', text: a.agent.kind.toLowerCase() + (a.agent.enabled ? '' : ' · disabled') }), pill(a.state || '?', STATE_CLASS[a.state] || '')),
      a.stateReason ? el('div', { class: 'reason', text: a.stateReason }) : null,
      el('div', { class: 'meters' },
        el('div', null, el('div', { class: 'meter-label' }, 'load ', el('b', { text: load + ' / ' + slots })), bar(load, slots, load >= slots ? 'warn' : '')),
        q ? el('div', null, el('div', { class: 'meter-label' }, 'quota ', el('b', { text: pct(q.remaining, q.limit) + '%' }), el('span', { class: 'muted', text: ' resets ' + when(q.resetsAt) })),
          bar(q.remaining, q.limit, pct(q.remaining, q.limit) < 10 ? 'bad' : '')) : el('div', { class: 'meter-label muted', text: 'no quota' })),
      work.childNodes.length ? work : null,
      r ? el('div', { class: 'record', title: r.windowDays + '-day record' },
        el('span', null, el('b', { text: r.merged }), ' merged'), el('span', null, el('b', { text: r.issuesClosed }), ' closed'),
        el('span', { class: r.ciFailures ? 'warn-text' : '' }, el('b', { text: r.ciFailures }), ' CI red'),
        el('span', null, el('b', { text: r.reviewRounds }), ' review rounds'), el('span', null, el('b', { text: r.closedUnmerged }), ' unmerged'),
        el('span', { class: 'muted', text: r.windowDays + ' d' })) : null));
  }
}

// ---- velocity ----------------------------------------------------------------------------------
function renderVelocity() {
  const v = state.dash.velocity;
  const days = v.perDay;
  const W = 560, H = 190, left = 26, bottom = 22, top = 8;
  const max = Math.max(2, ...days.map(d => Math.max(d.issuesClosed, d.pullsMerged)));
  const step = (W - left) / days.length;
  const bw = Math.max(4, Math.min(14, step / 2 - 3));
  const y = n => top + (H - top - bottom) * (1 - n / max);
  const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'chart', role: 'img', 'aria-label': 'Issues closed and PRs merged per day, last ' + v.days + ' days' });
  for (let t = 0; t <= max; t += Math.max(1, Math.ceil(max / 4))) {
    chart.appendChild(svg('line', { x1: left, x2: W, y1: y(t), y2: y(t), class: 'grid' }));
    chart.appendChild(svg('text', { x: left - 6, y: y(t) + 4, class: 'axis', 'text-anchor': 'end' }, String(t)));
  }
  days.forEach((d, i) => {
    const g = svg('g', { class: 'day', 'data-date': d.date });
    const x0 = left + i * step + step / 2 - bw - 1;
    stack(g, x0, d.closedBy, 'closed', y, bw);
    stack(g, x0 + bw + 2, d.mergedBy, 'merged', y, bw);
    const label = svg('text', { x: left + i * step + step / 2, y: H - 6, class: 'axis', 'text-anchor': 'middle' }, d.date.slice(5));
    g.appendChild(label);
    g.appendChild(svg('title', {}, d.date + ': ' + d.issuesClosed + ' issue(s) closed, ' + d.pullsMerged + ' PR(s) merged'));
    chart.appendChild(g);
  });
  append(clear($('velocity-chart')), [chart]);
  const totalClosed = days.reduce((s, d) => s + d.issuesClosed, 0);
  const totalMerged = days.reduce((s, d) => s + d.pullsMerged, 0);
  $('velocity-sub').textContent = totalClosed + ' closed · ' + totalMerged + ' merged · ' + v.days + ' days';
  const legend = clear($('velocity-legend'));
  for (const a of v.agents) {
    const sw = el('i', { class: 'swatch' });
    sw.style.background = agentColor(a);
    legend.appendChild(el('span', null, sw, a));
  }
  legend.appendChild(el('span', { class: 'muted', text: 'left bar: issues closed · right bar (lighter): PRs merged' }));
  $('velocity-median').textContent = v.medianMinutes === null
    ? 'Dispatch → merge: no issue Timmy dispatched has closed yet (dry-run dispatches are not measured)'
    : 'Median dispatch → merge: ' + minutes(v.medianMinutes) + ' over ' + v.measured + ' issue(s)';
}
function stack(g, x, counts, cls, y, bw) {
  let base = 0;
  for (const [agent, n] of Object.entries(counts)) {
    const r = svg('rect', { x, y: y(base + n), width: bw, height: Math.max(1, y(base) - y(base + n)), rx: 2, class: 'bar-' + cls, fill: agentColor(agent) });
    r.appendChild(svg('title', {}, agent + ': ' + n + ' ' + (cls === 'closed' ? 'issue(s) closed' : 'PR(s) merged')));
    g.appendChild(r);
    base += n;
  }
}

// ---- house -------------------------------------------------------------------------------------
// The host's conditions are problems when they hold (memory-pressure, disk-short:MOUNT): those are
// shown; the ones that do not hold, with their margins, are in the explanation drawer.
function checksLine(checks) {
  return (checks || []).filter(c => c.ok).map(c => el('div', { class: 'check bad-text', title: c.title + ' [' + c.ruleId + ']', text: c.mark + ' ' + c.name + ': ' + c.detail }));
}
function proposalsLine(concern) {
  return (concern.proposals || []).map(p => el('div', { class: 'sub' }, pill(p.kind.replace('_', ' ').toLowerCase(), p.vetoes.length ? 'bad' : 'info'), ' ', p.reason, p.vetoes.length ? ' — vetoed' : ''));
}
function renderHouse() {
  const h = state.house;
  const box = clear($('house-body'));
  $('house-sub').textContent = h.complete ? 'snapshot complete' : 'partial: ' + h.gaps.join('; ');
  if (h.host) {
    const m = h.host.fact;
    const used = m.memTotal - m.memAvailable;
    box.appendChild(el('div', { class: 'host' },
      el('div', { subject: 'host' }, el('div', { class: 'meter-label' }, 'memory ', el('b', { text: bytes(m.memAvailable) + ' free' }), el('span', { class: 'muted', text: ' of ' + bytes(m.memTotal) })), bar(used, m.memTotal, pct(used, m.memTotal) > 90 ? 'bad' : '')),
      el('div', { subject: 'host' }, el('div', { class: 'meter-label' }, 'swap ', el('b', { text: bytes(m.swapUsed) + ' used' }), el('span', { class: 'muted', text: ' of ' + bytes(m.swapTotal) })), bar(m.swapUsed, m.swapTotal, pct(m.swapUsed, m.swapTotal) > 60 ? 'warn' : '')),
      h.disks.map(d => el('div', { subject: d.subject }, el('div', { class: 'meter-label' }, 'disk ', el('code', { text: d.fact.mount }), ' ', el('b', { text: bytes(d.fact.free) + ' free' }), el('span', { class: 'muted', text: ' of ' + bytes(d.fact.total) })),
        bar(d.fact.total - d.fact.free, d.fact.total, pct(d.fact.free, d.fact.total) < 10 ? 'bad' : '')))));
    append(box, [checksLine(h.host.checks)]);
  }
  if (h.ollamaDown) box.appendChild(el('div', { class: 'alert', text: 'Ollama is down: ' + describe(h.ollamaDown) }));
  box.appendChild(el('h3', { text: 'Models' }));
  box.appendChild(el('ul', { class: 'list' }, h.models.map(m => el('li', null,
    el('span', { subject: m.subject, text: m.fact.name }), ' ', pill((m.fact.role || 'no role').toLowerCase(), 'muted'), ' ',
    m.fact.loaded ? pill('loaded', 'ok') : pill('not loaded', 'muted'),
    el('span', { class: 'muted', text: ' ' + bytes(m.fact.sizeBytes) + (m.fact.expiresAt ? ' · expires ' + when(m.fact.expiresAt) : '') }),
    proposalsLine(m)))));
  box.appendChild(el('h3', { text: 'Loops' }));
  box.appendChild(el('ul', { class: 'list' }, h.loops.map(l => {
    const healthy = (l.checks || []).find(c => c.name === 'healthy');
    const ok = healthy ? healthy.ok : l.fact.consecutiveFailures === 0;
    return el('li', { class: ok ? '' : 'bad-row' }, el('span', { subject: l.subject, text: l.fact.name }), ' ', pill(ok ? 'healthy' : 'failing', ok ? 'ok' : 'bad'),
      el('span', { class: 'muted', text: ' ' + l.fact.kind.toLowerCase() + ' · ' + l.fact.consecutiveFailures + ' failure(s) · ' + (l.fact.restartsRecent || 0) + ' restart(s) · last success ' + when(l.fact.lastSuccessAt) }),
      ok ? null : el('div', { class: 'sub bad-text', text: healthy ? healthy.detail : '' }), proposalsLine(l),
      (l.escalations || []).map(e => el('div', { class: 'sub warn-text', text: '→ Alex: ' + e.reason })));
  })));
  box.appendChild(el('h3', { text: 'Cleanup candidates' }));
  box.appendChild(el('ul', { class: 'list' }, h.staleFiles.length ? h.staleFiles.map(f => el('li', null,
    el('span', { subject: f.subject, class: 'path', text: f.fact.path }), el('span', { class: 'muted', text: ' ' + bytes(f.fact.sizeBytes) + ' · modified ' + when(f.fact.modifiedAt) }),
    (f.actions || []).map(a => el('div', { class: 'sub' }, pill(a.status.toLowerCase().replace(/_/g, ' '), STATUS_CLASS[a.status]), ' ', a.code ? a.code + ': ' : '', a.outcome || '')))) : [el('li', { class: 'muted', text: 'none' })]));
}

// ---- escalations, cycles, actions --------------------------------------------------------------
function renderEscalations() {
  const list = clear($('escalations-list'));
  const all = state.dash.escalations;
  $('escalations-count').textContent = all.length ? String(all.length) : '';
  for (const e of all) list.appendChild(el('li', null, el('span', { subject: e.subject, text: e.subject }), el('div', { class: 'sub', text: e.reason }), el('div', { class: 'sub muted', text: e.title + ' [' + e.ruleId + ']' })));
  if (!all.length) list.appendChild(el('li', { class: 'muted', text: 'Nothing for Alex.' }));
}
function renderCycles() {
  const body = clear($('cycles-table').tBodies[0]);
  for (const c of state.cycles.cycles) {
    const n = c.counts || {};
    body.appendChild(el('tr', { 'data-cycle': c.id },
      el('td', { class: 'num', text: c.id }), el('td', { text: when(c.started) }),
      el('td', null, pill(c.status.toLowerCase(), c.status === 'OK' ? 'ok' : c.status === 'RUNNING' ? 'warn' : 'bad'), c.complete === false ? pill('partial', 'warn') : null,
        c.error ? el('div', { class: 'sub bad-text', text: c.error }) : null),
      el('td', { text: c.trigger }), el('td', { class: 'num', text: n.proposals ?? '—' }), el('td', { class: 'num', text: n.vetoed ?? '—' }),
      el('td', { class: 'num', text: c.counts ? (n.done + n.wouldDo) + ' / ' + n.refused + ' refused'
        + (n.deferred ? ' / ' + n.deferred + ' deferred' : '') : '—' })));
  }
}
function renderActions() {
  const body = clear($('actions-table').tBodies[0]);
  for (const a of state.dash.actions) {
    body.appendChild(el('tr', null, el('td', null, el('b', { text: a.kind.replace(/_/g, ' ').toLowerCase() })),
      el('td', null, el('span', { subject: a.subject, text: a.subject })),
      el('td', null, pill(a.status.toLowerCase().replace(/_/g, ' '), STATUS_CLASS[a.status]), a.code ? el('code', { text: ' ' + a.code }) : null, el('div', { class: 'sub', text: a.outcome || '' }))));
  }
  if (!state.dash.actions.length) body.appendChild(el('tr', null, el('td', { class: 'muted', text: 'No actions in this cycle.' })));
}

