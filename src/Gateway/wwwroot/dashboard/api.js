// The Gateway's JSON API, same origin. Errors carry the status and the ProblemDetails the Gateway sent.

const TOKEN_KEY = 'iayos.adminToken';

export function adminToken() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function setAdminToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

// "403 Forbidden: title. detail" plus any field errors, so a refusal reads as the Gateway wrote it.
function describe(status, problem) {
  const parts = [`${status}`];
  if (problem?.title) parts.push(problem.title);
  if (problem?.detail) parts.push(problem.detail);
  let text = parts.join(' — ');
  if (problem?.errors) {
    for (const [field, messages] of Object.entries(problem.errors)) text += `\n  ${field}: ${[].concat(messages).join(' ')}`;
  }
  if (status === 401 && !problem?.title) text += ' — no valid admin token was sent.';
  if (status === 403 && !problem?.title) text += ' — the token lacks the admin role.';
  return text;
}

async function send(method, path, body, { admin = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (admin && adminToken()) headers.Authorization = `Bearer ${adminToken()}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { detail: text }; }
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

export const getJson = (path) => send('GET', path);
export const postJson = (path, body, options) => send('POST', path, body, options);
