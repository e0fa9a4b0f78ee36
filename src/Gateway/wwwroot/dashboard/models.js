// Models: every kind's versions with their metrics; activate a version (or roll back to an older one) with the admin token.
import { getJson, postJson } from './api.js';
import { h, fmt, when, errorBox, th } from './dom.js';
import { metricTitle } from './metric-names.js';

export function render(root) {
  const message = h('div', { id: 'models-message' });
  const list = h('div', { id: 'models-list' }, 'Loading…');
  root.append(
    h('h2', {}, 'Models'),
    h('p', { class: 'explain' },
      'Each model kind and its registered versions, newest first. The active version is the one every InferenceWorker serves. ',
      'Activating an older version is a rollback. Both need an admin token (box at the top right); without one the Gateway refuses with 401, ',
      'and a token without the admin role gets 403.'),
    message, list);
  load(list, message);
  return () => {};
}

async function load(list, message) {
  try {
    const kinds = await getJson('/api/models/');
    const cards = await Promise.all(kinds.map(async (k) => card(await getJson(`/api/models/${encodeURIComponent(k.kind)}`), k.active_version, list, message)));
    list.replaceChildren(...cards);
  } catch (error) {
    list.replaceChildren(errorBox(error));
  }
}

function card(kind, activeVersion, list, message) {
  const rows = kind.versions.map((v) => h('tr', { 'data-version': v.version },
    h('td', { class: 'num' }, `v${v.version}`),
    h('td', { class: `status-${v.status}` }, v.status),
    h('td', {}, when(v.created_at)),
    h('td', {}, v.activated_at ? `${when(v.activated_at)} by ${v.activated_by ?? '?'}` : '—'),
    h('td', { class: 'metrics' }, metricsList(v.metrics)),
    h('td', {}, v.status === 'active' ? '' : h('button', {
      class: activeVersion !== null && activeVersion !== undefined && v.version < activeVersion ? 'secondary' : undefined,
      'data-action': 'activate', 'data-kind': kind.kind, 'data-version': v.version,
      title: 'POST /api/models/{kind}/{version}/activate with the admin token',
      onclick: () => activate(kind.kind, v.version, list, message),
    }, activeVersion !== null && activeVersion !== undefined && v.version < activeVersion ? `Roll back to v${v.version}` : `Activate v${v.version}`)),
  ));
  return h('section', { class: 'card', 'data-kind': kind.kind },
    h('h3', {}, kind.kind, ' ', h('span', { class: 'metrics', title: 'The version InferenceWorkers serve now' },
      activeVersion ? `(active: v${activeVersion})` : '(no active version: the rules or estimator the worker falls back to answer)')),
    kind.versions.length === 0
      ? h('p', { class: 'explain' }, 'No version trained yet.')
      : h('table', {},
        h('thead', {}, h('tr', {},
          th('Version', 'Versions count up per kind; each is one training run\'s artifact.'),
          th('Status', 'active: served now; retired: was active before; registered: trained and kept, never activated (it did not beat the active one).'),
          th('Created', 'When the training run registered it (your local time).'),
          th('Activated', 'When it was last made active, and by whom (the token\'s subject).'),
          th('Metrics', 'What the training run measured; hover a name for its meaning.'),
          h('th', {}, ''))),
        h('tbody', {}, rows)));
}

// Nested metrics (test.suggested_price.mae) flattened to dotted names; lists are left out.
function flatten(value, prefix, out) {
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) flatten(inner, name, out);
    else if (typeof inner === 'number' || typeof inner === 'string' || typeof inner === 'boolean') out.push([name, inner]);
  }
  return out;
}

// The test-row figures first (what decides activation); everything the run recorded behind "all metrics".
const HEADLINE = /^(test\.|test_)|(^|\.)(auc|accuracy|coverage|validation_auc)$|^(epochs_run|best_epoch)$/;
const HEADLINE_MAX = 8;

function metricsList(metrics) {
  if (!metrics || typeof metrics !== 'object') return '—';
  const items = flatten(metrics, '', []);
  const headline = items.filter(([name, value]) => typeof value === 'number' && HEADLINE.test(name))
    .sort(([a], [b]) => Number(!a.endsWith('mae')) - Number(!b.endsWith('mae'))) // errors in the target's unit first
    .slice(0, HEADLINE_MAX);
  const line = (list) => list.map(([name, value], i) => h('span', {},
    i ? ' · ' : '', h('span', { title: metricTitle(name) }, name), ' ', h('b', {}, fmt(value))));
  return [
    h('div', {}, headline.length ? line(headline) : 'no test-row figures'),
    h('details', {}, h('summary', {}, `all ${items.length} metrics`), line(items)),
  ];
}

async function activate(kind, version, list, message) {
  message.replaceChildren();
  try {
    await postJson(`/api/models/${encodeURIComponent(kind)}/${version}/activate`, undefined, { admin: true });
    message.replaceChildren(h('div', { class: 'notice' }, `${kind} v${version} is now active; every InferenceWorker is loading it.`));
    await load(list, message);
  } catch (error) {
    message.replaceChildren(h('div', { class: 'error', role: 'alert', id: 'activation-refused' },
      `Activation of ${kind} v${version} was refused: ${error.message}`));
  }
}
