// Timmy's dashboard, part 1 of 4: the DOM helpers (text only), formatting and the API client.
// Every value from the API (much of it from Gitea: titles, labels, logins, comments) reaches the
// page through textContent or an attribute set by name, never as markup; the CSP forbids inline
// script besides.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const state = { dash: null, agents: null, house: null, health: null, cycles: null, status: null };
const PALETTE = ['#6366f1', '#f59e0b', '#10b981', '#ec4899', '#0ea5e9', '#a855f7', '#84cc16', '#f43f5e'];

// ---- DOM helpers: text only -------------------------------------------------------------------
function el(tag, props, ...children) {
  const e = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = e.className ? e.className + ' ' + v : v;
      else if (k === 'text') e.textContent = String(v);
      else if (k === 'subject') { e.dataset.subject = v; e.classList.add('subject'); e.tabIndex = 0; }
      else if (k.startsWith('data-') || k === 'title' || k === 'role' || k.startsWith('aria-') || k === 'value') e.setAttribute(k, String(v));
      else throw new Error('el: unsupported property ' + k);
    }
  }
  append(e, children);
  return e;
}
function append(parent, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return parent;
}
function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  for (const c of children) e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}
function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
function $(id) { return document.getElementById(id); }
function pill(text, kind) { return el('span', { class: 'pill ' + (kind || ''), text }); }

// ---- formatting --------------------------------------------------------------------------------
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (isNaN(d)) return String(iso);
  const p = n => String(n).padStart(2, '0');
  return MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate() + ' ' + p(d.getUTCHours()) + ':' + p(d.getUTCMinutes()) + 'Z';
}
function bytes(n) {
  if (n === null || n === undefined) return '—';
  const u = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = Number(n);
  while (v >= 1000 && i < u.length - 1) { v /= 1000; i++; }
  return (v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1)) + ' ' + u[i];
}
function minutes(m) {
  if (m === null || m === undefined) return '—';
  if (m < 90) return m + ' min';
  if (m < 48 * 60) return (m / 60).toFixed(1) + ' h';
  return (m / 1440).toFixed(1) + ' days';
}
function pct(part, whole) { return whole > 0 ? Math.max(0, Math.min(100, Math.round(100 * part / whole))) : 0; }
const OUTCOME_CLASS = { done: 'ok', 'would-do': 'info', refused: 'bad', vetoed: 'bad', failed: 'bad', pending: 'warn', 'not-acted': 'muted' };
const STATUS_CLASS = { DONE: 'ok', SKIPPED_ALREADY_DONE: 'ok', WOULD_DO: 'info', REFUSED: 'bad', FAILED: 'bad', INTENDED: 'warn', INTERRUPTED: 'warn' };
const STATE_CLASS = { IDLE: 'info', BUSY: 'ok', STUCK: 'warn', OFFLINE: 'bad' };
function agentColor(name) {
  const names = (state.dash && state.dash.velocity.agents) || [];
  const i = names.indexOf(name);
  return PALETTE[(i < 0 ? names.length : i) % PALETTE.length];
}

// ---- API ---------------------------------------------------------------------------------------
async function get(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error((body && body.message) || (path + ': HTTP ' + r.status));
  return body;
}

