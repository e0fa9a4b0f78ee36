// Training runs: the latest runs with status and errors; a selected run's loss and validation-loss curves,
// re-read every 2 s while it is queued or running.
import { getJson } from './api.js';
import { h, fmt, when, errorBox, th } from './dom.js';

const RUN_POLL_MS = 2000;
const LIST_POLL_MS = 5000;

export function render(root) {
  const list = h('div', { id: 'runs-list' }, 'Loading…');
  const detail = h('div', { id: 'run-detail' }, h('p', { class: 'explain' }, 'Select a run to see its curves.'));
  root.append(
    h('h2', {}, 'Training runs'),
    h('p', { class: 'explain' },
      'The 50 latest runs, newest first. A run goes queued → running → completed or failed (with its error). ',
      'Select one for its loss per epoch: loss is the training loss, validation loss the loss on rows held out from training; ',
      'the curves follow a running run every 2 seconds.'),
    h('div', { class: 'grid' }, h('div', {}, list), detail));

  const state = { selected: location.hash.split('/')[1] ?? null, chart: null, timer: null, stopped: false };
  const refreshList = () => loadList(list, detail, state);
  refreshList();
  const listTimer = setInterval(refreshList, LIST_POLL_MS);
  if (state.selected) select(state.selected, detail, state);
  return () => {
    state.stopped = true;
    clearInterval(listTimer);
    clearTimeout(state.timer);
    state.chart?.destroy();
  };
}

async function loadList(list, detail, state) {
  try {
    const runs = await getJson('/api/ml/training-runs?limit=50');
    if (state.stopped) return;
    list.replaceChildren(runs.length === 0 ? h('p', { class: 'explain' }, 'No training run yet.') : h('table', {},
      h('thead', {}, h('tr', {},
        th('Kind', 'The model kind the run trains.'),
        th('Status', 'queued: waiting for a TrainingWorker; running; completed (registered a version); failed (see the error).'),
        th('Epochs', 'Epochs the run trained, once it has ended; select a running run to follow its epochs as they finish.', true),
        th('Requested', 'When the run was asked for (your local time).'),
        th('Version', 'The model version the run registered, and whether it became active.'))),
      h('tbody', {}, runs.map((r) => h('tr', {
        class: `selectable${r.run_id === state.selected ? ' selected' : ''}`, 'data-run-id': r.run_id,
        onclick: () => { history.replaceState(null, '', `#training/${r.run_id}`); select(r.run_id, detail, state); list.querySelectorAll('tr.selected').forEach((row) => row.classList.remove('selected')); },
      },
      h('td', {}, r.kind),
      h('td', { class: `status-${r.status}`, title: r.error ?? undefined }, r.status, r.error ? h('div', { class: 'metrics' }, r.error) : null),
      h('td', { class: 'num' }, fmt(r.epochs_run ?? r.epochs?.length ?? null)),
      h('td', {}, when(r.requested_at)),
      h('td', {}, r.registered_version ? `v${r.registered_version}${r.activated ? ' (activated)' : ''}` : '—'))))));
  } catch (error) {
    if (!state.stopped) list.replaceChildren(errorBox(error));
  }
}

function select(runId, detail, state) {
  clearTimeout(state.timer);
  state.chart?.destroy();
  state.chart = null;
  state.selected = runId;
  const summary = h('div', { id: 'run-summary' }, 'Loading…');
  const canvas = h('canvas', { id: 'loss-chart', 'aria-label': 'Loss and validation loss per epoch' });
  const box = h('div', { class: 'chart-box', id: 'loss-chart-box', 'data-points': '0' }, canvas);
  detail.replaceChildren(h('section', { class: 'card' }, h('h3', {}, 'Run ', h('code', {}, runId)), summary, box));
  poll(runId, summary, box, canvas, state);
}

async function poll(runId, summary, box, canvas, state) {
  if (state.stopped || state.selected !== runId) return;
  let live = true;
  try {
    const run = await getJson(`/api/ml/training-runs/${encodeURIComponent(runId)}`);
    if (state.stopped || state.selected !== runId) return;
    live = run.status === 'queued' || run.status === 'running';
    summary.replaceChildren(describe(run));
    draw(run.epochs ?? [], box, canvas, state);
    box.dataset.status = run.status;
    // What the test of live curves looks for: points drawn while the run still trained.
    if (run.status === 'running' && (run.epochs ?? []).length > 0) box.dataset.seenRunning = 'true';
  } catch (error) {
    summary.replaceChildren(errorBox(error));
  }
  if (live) state.timer = setTimeout(() => poll(runId, summary, box, canvas, state), RUN_POLL_MS);
}

function describe(run) {
  const samples = run.samples ? `${run.samples.train} / ${run.samples.validation} / ${run.samples.test}` : '—';
  const last = run.epochs?.at(-1);
  return h('div', {},
    h('p', {},
      h('b', { class: `status-${run.status}`, id: 'run-status' }, run.status), ` · ${run.kind} · attempt ${run.attempts} · `,
      h('span', { title: 'Rows used to train / to validate (pick the epoch) / to test (the metrics).' }, `samples ${samples}`), ' · ',
      h('span', { title: 'The last epoch\'s training loss and validation loss (lower is better).' },
        last ? `epoch ${last.epoch}: loss ${fmt(last.loss, 4)}, validation loss ${fmt(last.validation_loss, 4)}` : 'no epoch yet'),
      run.registered_version ? ` · registered v${run.registered_version}${run.activated ? ', activated' : ', not activated (did not beat the active version)'}` : ''),
    run.error ? h('div', { class: 'error', id: 'run-error' }, run.error) : null,
    h('p', { class: 'metrics' }, `started ${when(run.started_at)} · finished ${when(run.finished_at)} · heartbeat ${when(run.heartbeat_at)}`,
      run.resumed_from_epoch ? ` · resumed from epoch ${run.resumed_from_epoch}` : ''));
}

function draw(epochs, box, canvas, state) {
  const labels = epochs.map((e) => e.epoch);
  const loss = epochs.map((e) => e.loss);
  const validation = epochs.map((e) => e.validation_loss);
  if (!state.chart) {
    state.chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: 'Loss (training rows)', data: loss, borderColor: '#2f6fdf', backgroundColor: '#2f6fdf', pointRadius: 2, tension: 0.15 },
          { label: 'Validation loss (held-out rows)', data: validation, borderColor: '#d9822b', backgroundColor: '#d9822b', pointRadius: 2, tension: 0.15 },
        ],
      },
      options: {
        animation: false, maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: { x: { title: { display: true, text: 'Epoch' } }, y: { title: { display: true, text: 'Loss (the run\'s training objective)' } } },
      },
    });
  } else {
    state.chart.data.labels = labels;
    state.chart.data.datasets[0].data = loss;
    state.chart.data.datasets[1].data = validation;
    state.chart.update();
  }
  box.dataset.points = String(epochs.length);
}
