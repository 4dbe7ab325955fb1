// Timmy's dashboard, part 3 of 4: why / why not (the explanation drawer) and acting with the
// admin token, which is the only thing kept in the browser (sessionStorage, this tab).
'use strict';

const TOKEN_KEY = 'timmy.adminToken';

// ---- why / why not -----------------------------------------------------------------------------
let shown = null;
async function explain(subject) {
  const drawer = $('explain');
  drawer.hidden = false;
  shown = subject;
  $('explain-title').textContent = subject;
  const body = clear($('explain-body'));
  body.appendChild(el('p', { class: 'muted', text: 'Loading…' }));
  let x;
  try {
    x = await get('/api/explain?subject=' + encodeURIComponent(subject));
  } catch (e) {
    clear(body).appendChild(el('p', { class: 'bad-text', text: e.message }));
    return;
  }
  if (shown !== subject) return; // another subject was clicked meanwhile
  clear(body);
  if (x.title) body.appendChild(el('p', { class: 'explain-subtitle', text: x.title }));
  const c = x.current;
  if (c) {
    if (c.priority) {
      body.appendChild(el('h3', null, 'Priority ', el('span', { class: 'prio', text: c.priority.total }), el('span', { class: 'muted', text: ' rank ' + c.priority.rank + ' of ' + c.backlogSize })));
      body.appendChild(el('table', { class: 'parts' }, el('tbody', null, c.priority.parts.map(p => el('tr', { class: 'part' },
        el('td', { class: 'num', text: (p.points > 0 ? '+' : '') + p.points }), el('td', { text: p.reason }), el('td', { class: 'rule', title: p.title, text: p.ruleId }))))));
    }
    if (c.checks.length) {
      body.appendChild(el('h3', { text: 'Checklist' }));
      body.appendChild(el('ul', { class: 'checks' }, c.checks.map(k => el('li', { class: 'check ' + (k.ok ? 'ok-text' : 'bad-text') },
        el('b', { text: k.mark + ' ' + k.name }), ' ', k.detail, el('span', { class: 'rule', title: k.title, text: ' ' + k.ruleId })))));
    }
    if (c.routes.length) {
      body.appendChild(el('h3', { text: 'Routes' }));
      const routes = c.routes.slice().sort((a, b) => (b.chosen - a.chosen) || (b.score - a.score));
      body.appendChild(el('ul', { class: 'routes' }, routes.map(r => el('li', { class: r.chosen ? 'chosen' : '' },
        el('span', { subject: 'agent:' + r.agent, text: r.agent }), ' ', el('b', { text: r.score }), ' ',
        r.chosen ? pill('chosen', 'ok') : pill(r.eligible ? 'lost' : 'ineligible', r.eligible ? 'muted' : 'bad'),
        el('div', { class: 'sub', text: r.reason + ' [' + r.ruleId + ']' }),
        el('div', { class: 'sub muted', text: r.parts.map(p => p.reason).join(' · ') })))));
    }
    if (c.proposals.length) {
      body.appendChild(el('h3', { text: 'Proposals' }));
      body.appendChild(el('ul', { class: 'proposals-x' }, c.proposals.map(p => el('li', { class: p.vetoes.length ? 'vetoed' : '' },
        el('b', { text: p.kind.replace(/_/g, ' ').toLowerCase() }), ' ', p.reason, el('span', { class: 'rule', title: p.title, text: ' ' + p.ruleId }),
        p.vetoes.map(v => el('div', { class: 'veto bad-text' }, '✘ vetoed: ', v.reason, el('span', { class: 'rule', title: v.title || '', text: ' ' + v.ruleId })))))));
    }
    if (c.escalations.length) {
      body.appendChild(el('h3', { text: 'For Alex' }));
      body.appendChild(el('ul', null, c.escalations.map(e => el('li', null, e.reason, el('span', { class: 'rule', text: ' ' + e.ruleId })))));
    }
  }
  if (x.actions.length) {
    body.appendChild(el('h3', { text: 'Actions' }));
    body.appendChild(el('ul', null, x.actions.map(a => el('li', null, pill(a.status.toLowerCase().replace(/_/g, ' '), STATUS_CLASS[a.status]), ' ',
      el('b', { text: a.kind.replace(/_/g, ' ').toLowerCase() }), ' ', a.code ? el('code', { text: a.code + ' ' }) : null, a.outcome || ''))));
  }
  if (x.whyNot.length) {
    body.appendChild(el('h3', { text: 'Why not' }));
    body.appendChild(el('ul', { class: 'whynot' }, x.whyNot.map(w => el('li', { text: w }))));
  }
  if (x.history.length) {
    body.appendChild(el('h3', { text: 'History' }));
    body.appendChild(el('table', { class: 'history' }, el('tbody', null, x.history.map(h => el('tr', null,
      el('td', { class: 'num', text: h.cycleIds.length > 1 ? h.oldest.id + '–' + h.newest.id : h.newest.id }),
      el('td', { text: h.cycleIds.length > 1 ? when(h.oldest.started) + ' – ' + when(h.newest.started) : when(h.newest.started) }),
      el('td', { text: h.priority ? 'priority ' + h.priority.total + ' (#' + h.priority.rank + ')' : '' }),
      el('td', { text: (h.routes.find(r => r.chosen) || {}).agent || '' }),
      el('td', { text: h.proposals.length + ' proposal(s)' + (h.proposals.some(p => p.vetoes.length) ? ', vetoed' : '') }),
      el('td', { text: h.actions.map(a => a.kind.toLowerCase() + ' ' + a.status.toLowerCase()).join(', ') }))))));
  }
}

// ---- acting: the admin token --------------------------------------------------------------------
function askToken() {
  return new Promise(resolve => {
    const d = $('token-dialog');
    const input = $('token-input');
    input.value = '';
    const done = value => { d.close(); $('token-ok').onclick = null; $('token-cancel').onclick = null; resolve(value); };
    $('token-ok').onclick = () => done(input.value.trim() || null);
    $('token-cancel').onclick = () => done(null);
    input.onkeydown = e => { if (e.key === 'Enter') { e.preventDefault(); done(input.value.trim() || null); } };
    d.showModal();
    input.focus();
  });
}
async function act(path, label) {
  let token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) token = await askToken();
  if (!token) return;
  const r = await fetch(path, { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, body: '{}' });
  const body = await r.json().catch(() => ({}));
  if (r.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    toast(label + ': ' + (body.message || 'unauthorized'), true);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  toast(label + (r.ok ? ': done' : ': ' + (body.message || 'HTTP ' + r.status)), !r.ok);
  if (r.ok) refresh().catch(e => toast(e.message, true));
}
function toast(text, bad) {
  const t = el('div', { class: 'toast' + (bad ? ' bad' : ''), role: 'status', text });
  document.body.appendChild(t);
  setTimeout(() => t.remove(), 5000);
}

