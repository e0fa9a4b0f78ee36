// Queues: read by the Gateway from RabbitMQ's management API (GET /api/ops/queues), refreshed every 5 s.
import { getJson } from './api.js';
import { h, fmt, errorBox, th } from './dom.js';

const POLL_MS = 5000;

export function render(root) {
  const table = h('div', { id: 'queues-table' }, 'Loading…');
  const updated = h('p', { class: 'metrics', id: 'queues-updated' });
  root.append(
    h('h2', {}, 'Queues'),
    h('p', { class: 'explain' },
      'Every queue of the broker\'s virtual host, as the Gateway reads it from RabbitMQ\'s management API (the browser never talks to the broker). ',
      'Depth is the messages in the queue: ready (waiting for a consumer) plus unacknowledged (delivered, being processed). ',
      'Consumers is how many workers listen on the queue; a request queue with none is answered by the Gateway\'s fallback. ',
      'Publish/s and deliver/s are messages per second into the queue and out to consumers, the broker\'s average over its last few seconds. ',
      'A depth that keeps growing while deliver/s stays below publish/s means the workers are not keeping up.'),
    updated, table);
  let stopped = false;
  const refresh = async () => {
    try {
      const queues = await getJson('/api/ops/queues');
      if (stopped) return;
      table.replaceChildren(h('table', {},
        h('thead', {}, h('tr', {},
          th('Queue', 'The queue\'s name; error and skipped queues hold messages a consumer could not process.'),
          th('Depth', 'Messages in the queue: ready + unacknowledged.', true),
          th('Ready', 'Messages waiting for a consumer.', true),
          th('Unacked', 'Messages delivered to a consumer and not yet acknowledged (being processed).', true),
          th('Consumers', 'Consumers (worker channels) subscribed to the queue.', true),
          th('Publish/s', 'Messages published into the queue per second (recent average).', true),
          th('Deliver/s', 'Messages delivered to consumers per second (recent average).', true))),
        h('tbody', {}, queues.map((q) => h('tr', { 'data-queue': q.name },
          h('td', {}, q.name),
          h('td', { class: 'num' }, fmt(q.depth)),
          h('td', { class: 'num' }, fmt(q.messages_ready)),
          h('td', { class: 'num' }, fmt(q.messages_unacknowledged)),
          h('td', { class: 'num' }, fmt(q.consumers)),
          h('td', { class: 'num' }, fmt(q.publish_rate, 2)),
          h('td', { class: 'num' }, fmt(q.deliver_rate, 2)))))));
      updated.textContent = `${queues.length} queues · updated ${new Date().toLocaleTimeString('en-GB')} · refreshed every 5 s`;
    } catch (error) {
      if (!stopped) table.replaceChildren(errorBox(error));
    }
  };
  refresh();
  const timer = setInterval(refresh, POLL_MS);
  return () => { stopped = true; clearInterval(timer); };
}
