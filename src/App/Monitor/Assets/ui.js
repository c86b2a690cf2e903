// Small DOM helpers shared by the views.

/** Creates an element: el('td', { class: 'mono' }, 'text', child). */
export function el(tag, attributes = {}, ...children) {
  const node = tag.startsWith('svg:') ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export const time = value => value ? new Date(value).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
export const json = value => value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2);

/** A human duration, e.g. 1.25 s or 3 min 4 s. */
export function duration(ms) {
  if (!(ms >= 0)) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(2)} s`;
  const minutes = Math.floor(ms / 60000);
  return minutes < 60 ? `${minutes} min ${Math.round((ms % 60000) / 1000)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Keeps the bank code and the last four digits of an 18-digit CLABE. */
export const maskClabe = clabe => !clabe ? '' : /^\d{18}$/.test(clabe) ? `${clabe.slice(0, 3)}***********${clabe.slice(-4)}` : clabe;

export function copyButton(text, label = 'Copy') {
  const button = el('button', { type: 'button', class: 'copy', title: 'Copy to clipboard' }, label);
  button.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(text); button.textContent = 'Copied'; } catch { button.textContent = 'Copy failed'; }
    setTimeout(() => { button.textContent = label; }, 1500);
  });
  return button;
}

export function message(target, ok, text) {
  target.replaceChildren(el('div', { class: `message ${ok ? 'ok' : 'fail'}`, role: 'status' }, text));
}

export const statusBadge = status => el('span', { class: `status status-${status}` }, status);

const dialog = () => document.getElementById('confirm');

/**
 * Asks before an action. fields are { name, label, type?, value?, options? }; validate(values) may return an error
 * text, which keeps the dialog open and sends nothing. Resolves to the values, or null when cancelled.
 */
export function confirmAction({ title, text, fields = [], okLabel = 'Confirm', validate = () => null }) {
  const box = dialog();
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-error').textContent = '';
  document.getElementById('confirm-ok').textContent = okLabel;
  const inputs = {};
  document.getElementById('confirm-fields').replaceChildren(...fields.map(field => {
    const input = field.type === 'textarea'
      ? el('textarea', { name: field.name, id: `confirm-${field.name}` })
      : field.options
        ? el('select', { name: field.name, id: `confirm-${field.name}` }, field.options.map(([value, label]) => el('option', { value }, label)))
        : el('input', { name: field.name, id: `confirm-${field.name}`, type: field.type ?? 'text', autocomplete: 'off' });
    input.value = field.value ?? input.value ?? '';
    inputs[field.name] = input;
    return el('label', {}, field.label, input);
  }));
  return new Promise(resolve => {
    const form = document.getElementById('confirm-form');
    const cancel = document.getElementById('confirm-cancel');
    const finish = result => { form.removeEventListener('submit', submit); cancel.removeEventListener('click', close); box.oncancel = null; box.close(); resolve(result); };
    const close = () => finish(null);
    const submit = event => {
      event.preventDefault();
      const values = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value]));
      const error = validate(values);
      if (error) { document.getElementById('confirm-error').textContent = error; return; }
      finish(values);
    };
    form.addEventListener('submit', submit);
    cancel.addEventListener('click', close);
    box.oncancel = event => { event.preventDefault(); close(); };
    box.showModal();
  });
}
