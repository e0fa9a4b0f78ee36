// Hash routing between the pages; each page module renders into <main> and returns a function that stops its timers.
import { adminToken, setAdminToken } from './api.js';
import * as models from './models.js';
import * as training from './training.js';
import * as queues from './queues.js';
import * as playground from './playground.js';
import * as explorers from './explorers.js';

const pages = { models, training, queues, playground, explorers };
let stop = () => {};

function show() {
  const name = location.hash.replace(/^#/, '').split('/')[0] || 'models';
  const page = pages[name] ?? pages.models;
  stop();
  const root = document.getElementById('page');
  root.replaceChildren();
  root.dataset.page = name in pages ? name : 'models';
  for (const link of document.querySelectorAll('nav a')) link.classList.toggle('active', link.dataset.page === root.dataset.page);
  stop = page.render(root) ?? (() => {});
}

const tokenBox = document.getElementById('admin-token');
tokenBox.value = adminToken();
tokenBox.addEventListener('input', () => setAdminToken(tokenBox.value.trim()));
window.addEventListener('hashchange', show);
show();
