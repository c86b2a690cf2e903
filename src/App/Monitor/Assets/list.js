// The instance list: filters, sorting, continuation-token paging, auto-refresh, counts, a histogram of starts and
// bulk terminate/purge of the selected instances.
import { call, instancePath, management } from './api.js';
import { confirmAction, el, json, message, statusBadge, time } from './ui.js';

export const statuses = ['Running', 'Pending', 'Suspended', 'Completed', 'Failed', 'Terminated', 'ContinuedAsNew'];

// Kept while the tab lives, so coming back from an instance shows the same list.
const filters = { name: '', statuses: [], from: '', to: '', prefix: '', customStatus: '', top: '100', sort: 'createdTime-desc', autoRefresh: false };

export function showList(root) {
  let rows = [];
  let continuation = null;
  let timer = null;
  const selected = new Set();

  const input = (name, attributes = {}) => {
    const node = el('input', { id: `filter-${name}`, name, ...attributes });
    node.value = filters[name];
    node.addEventListener('change', () => { filters[name] = node.value; });
    return node;
  };
  const statusBoxes = statuses.map(status => {
    const box = el('input', { type: 'checkbox', value: status, name: 'status', checked: filters.statuses.includes(status) });
    box.addEventListener('change', () => { filters.statuses = statusBoxes.filter(b => b.checked).map(b => b.value); });
    return box;
  });
  const sort = el('select', { id: 'sort', name: 'sort' },
    [['createdTime-desc', 'Created, newest first'], ['createdTime-asc', 'Created, oldest first'], ['lastUpdatedTime-desc', 'Last updated, newest first'], ['lastUpdatedTime-asc', 'Last updated, oldest first']]
      .map(([value, label]) => el('option', { value }, label)));
  sort.value = filters.sort;
  sort.addEventListener('change', () => { filters.sort = sort.value; render(); });
  const autoRefresh = el('input', { type: 'checkbox', id: 'auto-refresh', checked: filters.autoRefresh });
  autoRefresh.addEventListener('change', () => { filters.autoRefresh = autoRefresh.checked; schedule(); });

  const form = el('form', { id: 'filters', class: 'panel' },
    el('div', {},
      el('label', {}, 'Orchestrator name', input('name', { placeholder: 'contains' })),
      el('label', {}, 'Instance id prefix', input('prefix', { placeholder: 'payment-' })),
      el('label', {}, 'Custom status text', input('customStatus', { placeholder: 'contains' })),
      el('label', {}, 'Created from (UTC)', input('from', { type: 'datetime-local', step: '1' })),
      el('label', {}, 'Created to (UTC)', input('to', { type: 'datetime-local', step: '1' })),
      el('label', {}, 'Page size', input('top', { type: 'number', min: '1', max: '1000' }))),
    el('fieldset', { id: 'status-filter' }, el('legend', {}, 'Runtime status'), statusBoxes.map(box => el('label', {}, box, box.value))),
    el('div', { class: 'toolbar' },
      el('button', { type: 'submit', class: 'primary', id: 'apply' }, 'Apply'),
      el('label', {}, 'Sort', sort),
      el('label', {}, el('span', {}, 'Auto-refresh (5 s)'), autoRefresh)));
  form.addEventListener('submit', event => { event.preventDefault(); feedback.replaceChildren(); load(true); });

  const counts = el('div', { class: 'counts', id: 'counts' });
  const histogram = el('div', { id: 'histogram' });
  const feedback = el('div', { id: 'list-message' });
  const table = el('table', { id: 'instances' });
  const more = el('button', { type: 'button', id: 'load-more', hidden: true, onclick: () => load(false) }, 'Load more');
  const selectedCount = el('span', { id: 'selected-count' }, '0 selected');
  const bulk = el('div', { class: 'toolbar' },
    selectedCount,
    el('button', { type: 'button', id: 'bulk-terminate', class: 'danger', onclick: () => bulkAction('terminate') }, 'Terminate selected'),
    el('button', { type: 'button', id: 'bulk-purge', class: 'danger', onclick: () => bulkAction('purge') }, 'Purge selected'));

  root.replaceChildren(form, el('div', { class: 'panel' }, el('h2', {}, 'Instances'), counts, histogram), feedback, bulk, table, more);

  function query() {
    const parameters = new URLSearchParams({ top: filters.top || '100' });
    if (filters.prefix) parameters.set('instanceIdPrefix', filters.prefix);
    if (filters.statuses.length) parameters.set('runtimeStatus', filters.statuses.join(','));
    if (filters.from) parameters.set('createdTimeFrom', new Date(`${filters.from}Z`).toISOString());
    if (filters.to) parameters.set('createdTimeTo', new Date(`${filters.to}Z`).toISOString());
    return `${management}/instances?${parameters}`;
  }

  async function load(fromStart) {
    try {
      const response = await call('GET', query(), { headers: !fromStart && continuation ? { 'x-ms-continuation-token': continuation } : {} });
      rows = fromStart ? response.body : rows.concat(response.body);
      continuation = response.headers.get('x-ms-continuation-token');
      render();
      return true;
    } catch (error) {
      message(feedback, false, `Could not list instances: ${error.message}`);
      return false;
    }
  }

  // The name and custom status filters and the sort apply to what the API returned.
  function visible() {
    const name = filters.name.toLowerCase();
    const custom = filters.customStatus.toLowerCase();
    const [field, direction] = filters.sort.split('-');
    return rows
      .filter(row => !name || row.name.toLowerCase().includes(name))
      .filter(row => !custom || json(row.customStatus).toLowerCase().includes(custom))
      .sort((a, b) => (direction === 'asc' ? 1 : -1) * (Date.parse(a[field]) - Date.parse(b[field])));
  }

  function render() {
    const shown = visible();
    for (const id of [...selected]) if (!shown.some(row => row.instanceId === id)) selected.delete(id);
    const byStatus = Object.groupBy(shown, row => row.runtimeStatus);
    counts.replaceChildren(el('span', { class: 'count', id: 'count-total' }, `Total: ${shown.length}${continuation ? '+' : ''}`),
      ...Object.entries(byStatus).map(([status, group]) => el('span', { class: `count status-${status}`, 'data-status': status }, `${status}: ${group.length}`)));
    histogram.replaceChildren(drawHistogram(shown));
    const all = el('input', { type: 'checkbox', id: 'select-all', title: 'Select all shown', checked: shown.length > 0 && shown.every(row => selected.has(row.instanceId)) });
    all.addEventListener('change', () => { shown.forEach(row => all.checked ? selected.add(row.instanceId) : selected.delete(row.instanceId)); render(); });
    table.replaceChildren(
      el('thead', {}, el('tr', {}, el('th', {}, all), ['Instance id', 'Name', 'Status', 'Created', 'Last updated', 'Custom status'].map(h => el('th', {}, h)))),
      el('tbody', {}, shown.map(row => {
        const box = el('input', { type: 'checkbox', class: 'select', 'data-id': row.instanceId, checked: selected.has(row.instanceId) });
        box.addEventListener('change', () => { box.checked ? selected.add(row.instanceId) : selected.delete(row.instanceId); selectedCount.textContent = `${selected.size} selected`; });
        return el('tr', { 'data-id': row.instanceId },
          el('td', {}, box),
          el('td', { class: 'mono' }, el('a', { href: `#/instances/${encodeURIComponent(row.instanceId)}` }, row.instanceId)),
          el('td', {}, row.name),
          el('td', { class: 'runtime-status' }, statusBadge(row.runtimeStatus)),
          el('td', {}, time(row.createdTime)),
          el('td', {}, time(row.lastUpdatedTime)),
          el('td', { class: 'mono' }, json(row.customStatus).slice(0, 120)));
      })));
    selectedCount.textContent = `${selected.size} selected`;
    more.hidden = !continuation;
  }

  async function bulkAction(action) {
    const ids = [...selected];
    if (ids.length === 0) { message(feedback, false, 'Select instances first.'); return; }
    const verb = action === 'purge' ? 'Purge' : 'Terminate';
    const values = await confirmAction({
      title: `${verb} ${ids.length} instance${ids.length === 1 ? '' : 's'}?`,
      text: action === 'purge'
        ? `This deletes the history of ${ids.length} instance${ids.length === 1 ? '' : 's'}; finished instances only. It cannot be undone.`
        : `This terminates ${ids.length} instance${ids.length === 1 ? '' : 's'}.`,
      fields: action === 'terminate' ? [{ name: 'reason', label: 'Reason' }] : [],
      okLabel: `${verb} ${ids.length}`,
    });
    if (!values) return;
    const results = await Promise.all(ids.map(id => (action === 'purge'
      ? call('DELETE', instancePath(id))
      : call('POST', `${instancePath(id)}/terminate?reason=${encodeURIComponent(values.reason ?? '')}`)).then(() => null, error => `${id}: ${error.message}`)));
    const failures = results.filter(Boolean);
    message(feedback, failures.length === 0, `${verb}: ${ids.length - failures.length} of ${ids.length} done.${failures.length ? '\n' + failures.join('\n') : ''}`);
    selected.clear();
    await load(true);
  }

  function schedule() {
    clearInterval(timer);
    timer = filters.autoRefresh ? setInterval(() => load(true), 5000) : null;
  }

  // Infinite scroll: the next page loads when the end of the table comes into view.
  let loading = false;
  const observer = new IntersectionObserver(async entries => {
    if (loading || !continuation || !entries.some(entry => entry.isIntersecting)) return;
    loading = true;
    // Keep going while the end stays in view (short pages do not push it out).
    const inView = () => !more.hidden && more.getBoundingClientRect().top < window.innerHeight;
    try { while (await load(false) && continuation && inView()); } finally { loading = false; }
  });
  observer.observe(more);

  schedule();
  load(true);
  return () => { clearInterval(timer); observer.disconnect(); };
}

// Starts over time: up to 24 buckets between the first and the last created time of the shown instances.
function drawHistogram(shown) {
  const width = 720, height = 90, bars = 24;
  const svg = el('svg:svg', { viewBox: `0 0 ${width} ${height + 20}`, width, height: height + 20, role: 'img', 'aria-label': 'Instances started over time' });
  if (shown.length === 0) return svg;
  const times = shown.map(row => Date.parse(row.createdTime));
  const first = Math.min(...times), last = Math.max(...times);
  const span = Math.max(last - first, 1);
  const buckets = new Array(bars).fill(0);
  for (const t of times) buckets[Math.min(bars - 1, Math.floor(((t - first) / span) * bars))]++;
  const peak = Math.max(...buckets);
  const barWidth = width / bars;
  buckets.forEach((count, i) => {
    const h = count === 0 ? 0 : Math.max(2, (count / peak) * height);
    const start = new Date(first + (span / bars) * i);
    svg.append(el('svg:rect', { x: i * barWidth + 1, y: height - h, width: barWidth - 2, height: h, fill: '#1d5fb8', class: 'bar', 'data-count': count },
      el('svg:title', {}, `${count} started from ${time(start.toISOString())}`)));
  });
  svg.append(el('svg:text', { x: 0, y: height + 14 }, time(new Date(first).toISOString())),
    el('svg:text', { x: width, y: height + 14, 'text-anchor': 'end' }, time(new Date(last).toISOString())));
  return svg;
}
