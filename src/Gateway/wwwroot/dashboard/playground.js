// The prediction playground: one JSON box per prediction kind, sent to its route, the answer shown with its source explained.
import { postJson } from './api.js';
import { h, errorBox } from './dom.js';

const kinds = [
  {
    kind: 'price-budget', route: '/api/ml/predict-price', title: 'Price range for a job posting',
    example: { title: 'Fix leaking kitchen faucet', description: 'Faucet drips constantly', category: 'Plumbing', tags: ['plumbing', 'repair'], urgency: 'HIGH', skill_level: 'INTERMEDIATE' },
    reads: 'min_price / suggested_price / max_price in currency; confidence 0-1.',
  },
  {
    kind: 'completion-time', route: '/api/ml/predict-completion-time', title: 'Hours a job will take',
    example: { category_id: 2, budget: 3500, urgency: 'MEDIUM', materials: ['wire', 'breaker'], job_type: 'LISTING' },
    reads: 'predicted_hours with its interval (confidence_interval_lower/upper at confidence_level).',
  },
  {
    kind: 'worker-rating', route: '/api/ml/predict-worker-rating', title: 'A worker profile\'s score',
    example: { profile_completion: 80, bio_length: 150, hourly_rate: 350, years_experience: 6, specializations_count: 2, certifications_count: 1, verified_certifications_count: 1, completed_jobs: 25, average_rating: 4.6, total_earnings: 85000, client_satisfaction: 92, is_active: true },
    reads: 'profile_score 0-100, rating_category, and the suggestions that would raise the score most.',
  },
  {
    kind: 'freelancer-trust', route: '/api/ml/evaluate-trust', title: 'A freelancer profile\'s trust',
    example: { bio: 'Plumber in Cebu: I fixed 120 leaks and installed 30 water heaters for condo owners since 2021.', skills: ['plumbing', 'water heaters', 'leak detection'], projects: [{ title: 'Condo repiping', description: 'Repiped 12 units in Lahug.', technologies: ['plumbing'], start_date: '2021-03-01', end_date: '2021-09-01', link: 'https://example.com/repiping' }] },
    reads: 'trust_probability 0-1, trust_score 0-100, label, the indicators computed from the projects, and flags.',
  },
];

const sources = {
  model: 'the active model of this kind answered (model_version says which version).',
  fallback: 'no model of this kind is active: the InferenceWorker\'s estimator (the seed\'s rules) answered.',
  gateway_fallback: 'no InferenceWorker answered in time: the Gateway ran the same estimator itself (fallback_reason says why).',
};

export function render(root) {
  root.append(
    h('h2', {}, 'Prediction playground'),
    h('p', { class: 'explain' },
      'Edit a request and send it; the Gateway answers as it would any client. ',
      'Every answer has a source: model (the active model), fallback (the InferenceWorker\'s estimator, no model active) ',
      'or gateway_fallback (no worker answered; the Gateway estimated it itself).'),
    h('div', { class: 'grid' }, kinds.map(card)));
  return () => {};
}

function card(k) {
  const box = h('textarea', { id: `request-${k.kind}`, spellcheck: 'false' }, JSON.stringify(k.example, null, 2));
  const answer = h('div', { id: `answer-${k.kind}`, class: 'answer' });
  const send = async () => {
    answer.replaceChildren('Sending…');
    let body;
    try { body = JSON.parse(box.value); } catch (error) { answer.replaceChildren(errorBox(`The box is not JSON: ${error.message}`)); return; }
    try {
      const result = await postJson(k.route, body);
      answer.replaceChildren(
        h('p', {}, 'source: ', h('b', { class: 'source', 'data-source': result.source }, result.source ?? '?'), ' — ',
          sources[result.source] ?? 'see the README on sources.',
          result.fallback_reason ? ` (fallback_reason: ${result.fallback_reason})` : ''),
        h('p', { class: 'metrics' }, k.reads),
        h('pre', {}, JSON.stringify(result, null, 2)));
    } catch (error) {
      answer.replaceChildren(errorBox(error));
    }
  };
  return h('section', { class: 'card', 'data-kind': k.kind },
    h('h3', {}, k.title, ' ', h('code', { class: 'metrics' }, `POST ${k.route}`)),
    box,
    h('p', {}, h('button', { id: `send-${k.kind}`, onclick: send }, 'Predict')),
    answer);
}
