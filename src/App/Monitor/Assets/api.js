// Calls to the app's own HTTP APIs. The admin key lives in sessionStorage (this tab only) and travels in the
// x-functions-key header, never in a URL.
const keyName = 'paymentfunctions.monitor.adminKey';
export const management = '/runtime/webhooks/durabletask';

export const session = {
  key: () => sessionStorage.getItem(keyName),
  signIn: key => sessionStorage.setItem(keyName, key),
  signOut: () => sessionStorage.removeItem(keyName),
};

/** A refused call: the status and the problem details' title and detail, or the body's text. */
export class ApiError extends Error {
  constructor(status, problem) {
    const errors = problem?.errors ? Object.entries(problem.errors).map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`) : [];
    super([`${status} ${problem?.title ?? ''}`.trim(), problem?.detail, ...errors].filter(Boolean).join('\n'));
    this.status = status;
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(handler) { onUnauthorized = handler; }

/** Sends a request; resolves to { status, body, headers } or throws an ApiError. */
export async function call(method, path, { body, headers = {}, key = session.key() } = {}) {
  const init = { method, headers: { 'x-functions-key': key ?? '', ...headers }, cache: 'no-store' };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { detail: text }; }
  if (!response.ok) {
    if (response.status === 401 && key === session.key()) onUnauthorized();
    throw new ApiError(response.status, parsed);
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

export const instancePath = id => `${management}/instances/${encodeURIComponent(id)}`;
export const paymentPath = id => `/api/payments/${encodeURIComponent(id)}`;
