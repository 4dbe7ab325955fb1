// Timmy's dashboard, part 4 of 4: loading, the live feed (server-sent events, reconnecting after a
// restart) and the wiring of the page.
'use strict';

async function refresh() {
  const [health, cycles] = await Promise.all([get('/api/health'), get('/api/cycles?limit=12')]);
  state.health = health;
  state.cycles = cycles;
  renderHealth();
  renderCycles();
  try {
    const [dash, agents, house] = await Promise.all([get('/api/dashboard'), get('/api/agents'), get('/api/house')]);
    Object.assign(state, { dash, agents, house });
  } catch (e) {
    showNote('No decision yet: ' + e.message);
    return;
  }
  renderKpis();
  renderFilters();
  renderBacklog();
  renderAgents();
  renderVelocity();
  renderHouse();
  renderEscalations();
  renderActions();
  $('footer').textContent = 'Snapshot of ' + when(state.dash.snapshotTakenAt) + ' · cycle ' + state.dash.cycleId
    + ' · rules ' + (health.rules ? health.rules.revision : '?') + ' · page updated ' + when(new Date().toISOString());
  document.body.dataset.cycle = String(state.dash.cycleId);
}

// ---- live --------------------------------------------------------------------------------------
function connect() {
  const live = $('live');
  const source = new EventSource('/api/events');
  source.addEventListener('hello', () => {
    live.textContent = 'live';
    live.className = 'live on';
    if (lost) refresh().catch(e => toast(e.message, true)); // Timmy restarted or the network came back
    lost = false;
  });
  source.addEventListener('cycle', () => refresh().catch(e => toast(e.message, true)));
  source.addEventListener('status', e => {
    try { state.status = JSON.parse(e.data); } catch (_) { state.status = null; }
    get('/api/health').then(h => { state.health = h; renderHealth(); }).catch(() => {});
  });
  source.onerror = () => {
    lost = true;
    live.textContent = 'reconnecting…';
    live.className = 'live off';
    // The browser retries by itself unless it gave up (an answer that was not an event stream).
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, 3000);
  };
}
let lost = false;

// ---- theme and wiring --------------------------------------------------------------------------
function toggleTheme() {
  const root = document.documentElement;
  const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  root.dataset.theme = dark ? 'light' : 'dark';
}
document.addEventListener('DOMContentLoaded', () => {
  document.addEventListener('click', e => {
    const s = e.target.closest('[data-subject]');
    if (s) explain(s.dataset.subject);
  });
  document.addEventListener('keydown', e => {
    if (e.key === 'Escape') $('explain').hidden = true;
    const s = e.target.closest && e.target.closest('[data-subject]');
    if (s && e.key === 'Enter') explain(s.dataset.subject);
  });
  $('explain-close').addEventListener('click', () => { $('explain').hidden = true; });
  for (const id of ['f-repo', 'f-agent', 'f-stage']) $(id).addEventListener('change', () => state.dash && renderBacklog());
  $('run-cycle').addEventListener('click', () => act('/api/cycles', 'Run cycle'));
  $('reload-rules').addEventListener('click', () => act('/api/rules/reload', 'Reload rules'));
  $('theme').addEventListener('click', toggleTheme);
  refresh().catch(e => showNote(e.message));
  connect();
});
