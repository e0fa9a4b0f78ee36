// Recommendation explorers: cleaners for a job, jobs for a cleaner, a bid suggestion, jobs for a job-board user.
import { getJson, postJson } from './api.js';
import { h, fmt, errorBox, th } from './dom.js';

export function render(root) {
  root.append(
    h('h2', {}, 'Recommendations'),
    h('p', { class: 'explain' },
      'Ask the ScoringWorker (through the Gateway) what it would show. Every list asked for here is recorded as shown, ',
      'like any client\'s. Scores are 0-100 for the cleaning marketplace (higher ranks first) and the network\'s relevance for job-board users.'),
    h('div', { class: 'grid' },
      explorer('cleaners', 'Cleaners for a job', [field('job_id', 'Job id', '1000'), mode()],
        (v) => getJson(`/api/recommendations/jobs/${enc(v.job_id)}/cleaners?limit=10&mode=${enc(v.mode)}`), cleanersTable),
      explorer('jobs', 'Jobs for a cleaner', [field('cleaner_id', 'Cleaner id', '55'), mode()],
        (v) => getJson(`/api/recommendations/cleaners/${enc(v.cleaner_id)}/jobs?limit=10&mode=${enc(v.mode)}`), jobsTable),
      explorer('bid', 'Bid suggestion', [field('job_id', 'Job id', '990'), field('cleaner_id', 'Cleaner id', '55'), mode()],
        (v) => postJson('/api/recommendations/bid-suggestion', { job_id: Number(v.job_id), cleaner_id: Number(v.cleaner_id), mode: v.mode }), bidTable),
      explorer('user-jobs', 'Job-board jobs for a user', [field('user_id', 'User id', '1')],
        (v) => getJson(`/api/recommendations/users/${enc(v.user_id)}/jobs?k=10`), userJobsTable)));
  return () => {};
}

const enc = encodeURIComponent;

function field(name, label, value) {
  return h('label', {}, label, h('input', { name, value, size: 8 }));
}

function mode() {
  return h('label', { title: 'rule_based: the seed\'s weighted rules; neural: the trained network; ensemble: both blended.' }, 'Mode',
    h('select', { name: 'mode' }, ['ensemble', 'neural', 'rule_based'].map((m) => h('option', { value: m }, m))));
}

function explorer(id, title, fields, ask, show) {
  const out = h('div', { id: `explorer-${id}-result` });
  const form = h('form', {
    class: 'inline', id: `explorer-${id}`,
    onsubmit: async (event) => {
      event.preventDefault();
      out.replaceChildren('Asking…');
      const values = Object.fromEntries(new FormData(form));
      try { out.replaceChildren(show(await ask(values))); } catch (error) { out.replaceChildren(errorBox(error)); }
    },
  }, fields, h('button', { type: 'submit' }, 'Show'));
  return h('section', { class: 'card' }, h('h3', {}, title), form, out);
}

function header(answer) {
  const bits = [`mode ${answer.mode ?? '?'}`];
  if (answer.model_version) bits.push(`model v${answer.model_version}`);
  if (answer.fallback) bits.push(`fallback: ${answer.fallback}`);
  if (answer.from_cache) bits.push('from the cache');
  return h('p', { class: 'metrics', title: 'mode: how the list was ranked; fallback: why the network did not rank it.' }, bits.join(' · '));
}

function cleanersTable(answer) {
  return h('div', {}, header(answer), h('table', {},
    h('thead', {}, h('tr', {}, th('#', 'Rank', true), th('Cleaner', 'The cleaner\'s id and name.'),
      th('Score', '0-100: the ranking score in the answer\'s mode.', true), th('Rules', 'The seed\'s rule-based score, 0-100.', true),
      th('Neural', 'The network\'s score, 0-100.', true), th('km', 'Distance from the job.', true), th('Why', 'The reasons the engine gives.'))),
    h('tbody', {}, (answer.recommendations ?? []).map((r) => h('tr', {},
      h('td', { class: 'num' }, r.rank), h('td', {}, `${r.cleaner_id} ${r.display_name ?? ''}`), h('td', { class: 'num' }, fmt(r.score, 1)),
      h('td', { class: 'num' }, fmt(r.rule_based_score, 1)), h('td', { class: 'num' }, fmt(r.neural_score, 1)),
      h('td', { class: 'num' }, fmt(r.distance_km, 1)), h('td', { class: 'metrics' }, (r.reasoning ?? []).join('; ')))))));
}

function jobsTable(answer) {
  const rows = answer.recommendations ?? answer.jobs ?? [];
  return h('div', {}, header(answer), h('table', {},
    h('thead', {}, h('tr', {}, th('#', 'Rank', true), th('Job', 'The job\'s id and title.'), th('Score', '0-100: how well the job suits the cleaner.', true), th('Why', 'The reasons the engine gives.'))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('td', { class: 'num' }, r.rank), h('td', {}, `${r.job_id} ${r.title ?? ''}`), h('td', { class: 'num' }, fmt(r.score, 1)),
      h('td', { class: 'metrics' }, (r.reasoning ?? []).join('; ')))))));
}

function bidTable(answer) {
  const inputs = answer.inputs ?? {};
  return h('div', {}, header(answer),
    h('p', {}, h('span', { title: 'The lowest bid worth placing.' }, `min ${fmt(answer.min_bid, 2)}`), ' · ',
      h('b', { title: 'The bid with the best expected outcome.' }, `optimal ${fmt(answer.optimal_bid, 2)}`), ' · ',
      h('span', { title: 'The highest bid still likely to win.' }, `max ${fmt(answer.max_bid, 2)}`), ` ${answer.currency ?? ''}`),
    h('p', { class: 'metrics', title: 'What the suggestion was computed from.' }, Object.entries(inputs).map(([k, v]) => `${k} ${fmt(v, 2)}`).join(' · ')),
    h('ul', {}, (answer.reasoning ?? []).map((r) => h('li', {}, r))));
}

function userJobsTable(answer) {
  return h('div', {}, header(answer), h('p', { class: 'metrics', title: 'Open jobs the network scored for this user.' }, `${fmt(answer.candidates)} candidate jobs scored`),
    h('table', {},
      h('thead', {}, h('tr', {}, th('#', 'Rank', true), th('Job', 'Id, title, company and location.'), th('Score', 'The recommender\'s relevance score (higher ranks first).', true), th('Matched skills', 'The user\'s skills the job asks for.'))),
      h('tbody', {}, (answer.recommendations ?? []).map((r) => h('tr', {},
        h('td', { class: 'num' }, r.rank), h('td', {}, `${r.job_id} ${r.title ?? ''} — ${r.company ?? ''}, ${r.location ?? ''}`),
        h('td', { class: 'num' }, fmt(r.score, 3)), h('td', { class: 'metrics' }, (r.matched_skills ?? []).join(', ')))))));
}
