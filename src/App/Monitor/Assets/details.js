// One instance: its fields with copy buttons, links to parent and sub-orchestrations, the confirmed actions, the
// history table and the Gantt chart; for payment-* instances the payment panel too.
import { call, instancePath } from './api.js';
import { drawGantt, spans } from './gantt.js';
import { drawSequence, messages } from './sequence.js';
import { showPayment } from './payment.js';
import { confirmAction, copyButton, el, json, message, statusBadge, time, duration } from './ui.js';

const finished = ['Completed', 'Failed', 'Terminated'];

export function showInstance(root, id) {
  let timer = null;
  let stopped = false;
  // After an action the instance is followed for a while even if it looked finished (a rewind brings it back).
  let followUntil = 0;
  const header = el('div', { class: 'panel', id: 'instance' });
  const feedback = el('div', { id: 'action-result' });
  const actions = el('div', { class: 'toolbar', id: 'actions' });
  const links = el('div', { id: 'links' });
  const gantt = el('div', { class: 'panel', id: 'gantt' });
  const sequence = el('div', { class: 'panel', id: 'sequence' });
  const history = el('div', { class: 'panel', id: 'history' });
  const payment = el('div', { id: 'payment-panel' });
  root.replaceChildren(el('p', {}, el('a', { href: '#/' }, '← All instances')), header, feedback, actions, links, payment, gantt, sequence, history);

  let paymentView = null;
  if (id.startsWith('payment-')) paymentView = showPayment(payment, id.slice('payment-'.length), () => { followUntil = Date.now() + 60000; refresh(); });

  async function refresh() {
    clearTimeout(timer);
    let status;
    try {
      status = (await call('GET', `${instancePath(id)}?showHistory=true&showHistoryOutput=true&showInput=true`)).body;
    } catch (error) {
      header.replaceChildren(el('h2', {}, id), el('p', { class: 'error', id: 'load-error' }, error.message));
      actions.replaceChildren();
      return;
    }
    if (stopped) return;
    render(status);
    paymentView?.refresh();
    // Follow an unfinished instance until it finishes.
    if (!finished.includes(status.runtimeStatus) || Date.now() < followUntil) timer = setTimeout(refresh, 1000);
  }

  function field(name, label, value) {
    const text = json(value);
    return [el('dt', {}, label), el('dd', { id: `field-${name}` }, el('pre', {}, text || '—'), text ? copyButton(text) : null)];
  }

  function render(status) {
    header.replaceChildren(
      el('h2', {}, el('span', { class: 'mono' }, id), ' ', el('span', { id: 'runtime-status' }, statusBadge(status.runtimeStatus))),
      el('dl', { class: 'fields' },
        field('name', 'Orchestrator', status.name),
        field('created', 'Created', time(status.createdTime)),
        field('updated', 'Last updated', time(status.lastUpdatedTime)),
        field('input', 'Input', status.input),
        field('output', 'Output', status.runtimeStatus === 'Failed' ? null : status.output),
        field('custom-status', 'Custom status', status.customStatus),
        field('failure', 'Failure details', status.failureDetails)));
    renderLinks(status.historyEvents ?? []);
    renderActions(status);
    gantt.replaceChildren(el('h3', {}, 'Gantt chart'), drawGantt(spans(status.historyEvents ?? [], status)));
    sequence.replaceChildren(el('h3', {}, 'Sequence diagram'), drawSequence(messages(status.historyEvents ?? [], status.name), status.name));
    history.replaceChildren(el('h3', {}, 'History'), historyTable(status.historyEvents ?? []));
  }

  function renderLinks(events) {
    const parent = events.find(e => e.eventType === 'ExecutionStarted')?.parentInstanceId;
    const children = events.filter(e => e.eventType.startsWith('SubOrchestrationInstance') && e.instanceId);
    const link = (target, label) => el('a', { href: `#/instances/${encodeURIComponent(target)}`, class: 'mono' }, label ?? target);
    links.replaceChildren(
      parent ? el('p', { id: 'parent-link' }, 'Parent orchestration: ', link(parent)) : '',
      children.length ? el('p', { id: 'sub-orchestrations' }, 'Sub-orchestrations: ', children.map(c => [link(c.instanceId, `${c.functionName} (${c.instanceId})`), ' '])) : '');
  }

  function renderActions(status) {
    const running = !finished.includes(status.runtimeStatus);
    const button = (name, label, enabled, run) => el('button', { type: 'button', id: `action-${name}`, disabled: !enabled, onclick: run }, label);
    actions.replaceChildren(
      button('raise-event', 'Raise event', running, raiseEvent),
      button('terminate', 'Terminate', running, () => simple('terminate', 'Terminate', 'The instance stops for good.', 'POST', 'terminate')),
      button('suspend', 'Suspend', running && status.runtimeStatus !== 'Suspended', () => simple('suspend', 'Suspend', 'The instance stops processing until resumed.', 'POST', 'suspend')),
      button('resume', 'Resume', status.runtimeStatus === 'Suspended', () => simple('resume', 'Resume', 'The instance continues.', 'POST', 'resume')),
      button('rewind', 'Rewind', status.runtimeStatus === 'Failed', () => simple('rewind', 'Rewind', 'Failed steps run again from where they failed.', 'POST', 'rewind')),
      button('restart', 'Restart', true, restart),
      button('purge', 'Purge', !running, purge));
  }

  async function act(label, request) {
    followUntil = Date.now() + 60000;
    try {
      const response = await request();
      message(feedback, true, `${label}: accepted (${response.status}).${response.body?.id && response.body.id !== id ? ` New instance: ${response.body.id}` : ''}`);
      return response;
    } catch (error) {
      message(feedback, false, `${label} failed: ${error.message}`);
      return null;
    } finally {
      refresh();
    }
  }

  async function simple(name, label, text, method, route) {
    const values = await confirmAction({ title: `${label} ${id}?`, text, fields: [{ name: 'reason', label: 'Reason' }], okLabel: label });
    if (values) await act(label, () => call(method, `${instancePath(id)}/${route}?reason=${encodeURIComponent(values.reason)}`));
  }

  async function raiseEvent() {
    const values = await confirmAction({
      title: `Raise an event to ${id}`,
      text: 'The body must be JSON; it is checked before anything is sent.',
      fields: [{ name: 'eventName', label: 'Event name' }, { name: 'body', label: 'JSON body', type: 'textarea', value: 'null' }],
      okLabel: 'Raise event',
      validate: ({ eventName, body }) => {
        if (!eventName.trim()) return 'The event needs a name.';
        try { JSON.parse(body); return null; } catch (error) { return `The body is not valid JSON: ${error.message}`; }
      },
    });
    if (values) await act(`Raise event ${values.eventName}`, () => call('POST', `${instancePath(id)}/raiseEvent/${encodeURIComponent(values.eventName.trim())}`, { body: values.body }));
  }

  async function restart() {
    const values = await confirmAction({
      title: `Restart ${id}?`,
      text: 'The orchestration starts again with the same input.',
      fields: [{ name: 'mode', label: 'Instance id', options: [['new', 'A new instance id'], ['same', 'The same instance id (finished instances only)']] }],
      okLabel: 'Restart',
    });
    if (!values) return;
    const response = await act('Restart', () => call('POST', `${instancePath(id)}/restart?restartWithNewInstanceId=${values.mode === 'new'}`));
    if (response?.body?.id && response.body.id !== id) feedback.append(el('p', {}, el('a', { href: `#/instances/${encodeURIComponent(response.body.id)}`, id: 'restarted-link' }, `Open ${response.body.id}`)));
  }

  async function purge() {
    const values = await confirmAction({ title: `Purge ${id}?`, text: 'This deletes 1 instance and its history. It cannot be undone.', okLabel: 'Purge 1' });
    if (!values) return;
    try {
      await call('DELETE', instancePath(id));
      message(feedback, true, 'Purge: 1 instance deleted.');
      header.replaceChildren(el('h2', {}, id), el('p', {}, 'Purged.'));
      actions.replaceChildren();
    } catch (error) {
      message(feedback, false, `Purge failed: ${error.message}`);
    }
  }

  refresh();
  return () => { stopped = true; clearTimeout(timer); paymentView?.stop(); };
}

function historyTable(events) {
  const started = Date.parse(events[0]?.timestamp);
  return el('table', { id: 'history-table' },
    el('thead', {}, el('tr', {}, ['Time', 'Event', 'Name', 'Scheduled', 'Duration', 'Details'].map(h => el('th', {}, h)))),
    el('tbody', {}, events.map(e => {
      const end = Date.parse(e.timestamp);
      const begin = e.scheduledTime ? Date.parse(e.scheduledTime) : NaN;
      const details = e.failureDetails ?? e.reason ?? e.result ?? e.input ?? (e.fireAt ? `fires at ${time(e.fireAt)}` : e.orchestrationStatus);
      return el('tr', { 'data-event': e.eventType },
        el('td', {}, time(e.timestamp), el('br'), el('small', {}, Number.isNaN(started) ? '' : `+${duration(end - started)}`)),
        el('td', {}, e.eventType),
        el('td', { class: 'mono' }, e.functionName ?? e.name ?? '', e.instanceId ? el('div', {}, el('a', { href: `#/instances/${encodeURIComponent(e.instanceId)}` }, e.instanceId)) : ''),
        el('td', {}, time(e.scheduledTime)),
        el('td', {}, Number.isNaN(begin) ? '' : duration(end - begin)),
        el('td', { class: 'mono' }, json(details).slice(0, 400)));
    })));
}
