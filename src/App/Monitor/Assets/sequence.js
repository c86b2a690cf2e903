// The sequence diagram: the orchestrator's calls to activities and sub-orchestrations, timers and the external
// events it received, in history order, drawn as SVG lifelines and arrows.
import { duration, el } from './ui.js';

const client = 'external';

/** Messages { from, to, label, dashed } from Durable Functions' historyEvents. */
export function messages(events, orchestrator) {
  const list = [];
  for (const e of events) {
    switch (e.eventType) {
      case 'TaskCompleted': case 'TaskFailed': case 'SubOrchestrationInstanceCompleted': case 'SubOrchestrationInstanceFailed': {
        const target = e.functionName ?? '?';
        const took = e.scheduledTime ? duration(Date.parse(e.timestamp) - Date.parse(e.scheduledTime)) : '';
        list.push({ from: orchestrator, to: target, label: 'call' });
        list.push({ from: target, to: orchestrator, label: `${e.eventType.endsWith('Failed') ? 'failed' : 'done'} ${took}`, dashed: true, failed: e.eventType.endsWith('Failed') });
        break;
      }
      case 'SubOrchestrationInstanceCreated':
        list.push({ from: orchestrator, to: e.functionName ?? '?', label: 'start (running)' });
        break;
      case 'TimerFired':
        list.push({ from: orchestrator, to: orchestrator, label: 'timer fired' });
        break;
      case 'EventRaised':
        list.push({ from: client, to: orchestrator, label: e.name });
        break;
    }
  }
  return list;
}

export function drawSequence(list, orchestrator) {
  const participants = [orchestrator, ...new Set(list.flatMap(m => [m.from, m.to]).filter(p => p !== orchestrator))];
  const column = 150, row = 22, top = 30;
  const width = Math.max(participants.length * column, column * 2);
  const height = top + list.length * row + 10;
  const x = name => participants.indexOf(name) * column + column / 2;
  const svg = el('svg:svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'Sequence diagram', id: 'sequence-chart' },
    el('svg:defs', {}, el('svg:marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' },
      el('svg:path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#333' }))));
  participants.forEach(name => {
    svg.append(el('svg:text', { x: x(name), y: 14, 'text-anchor': 'middle', 'font-weight': 600 }, name.length > 22 ? `${name.slice(0, 21)}…` : name),
      el('svg:line', { x1: x(name), y1: 20, x2: x(name), y2: height, stroke: '#bbb', 'stroke-dasharray': '4 3' }));
  });
  list.forEach((m, i) => {
    const y = top + i * row + 10;
    const color = m.failed ? '#b3261e' : '#333';
    if (m.from === m.to) {
      svg.append(el('svg:path', { d: `M ${x(m.from)} ${y - 6} h 24 v 10 h -22`, fill: 'none', stroke: color, 'marker-end': 'url(#arrow)' }),
        el('svg:text', { x: x(m.from) + 28, y: y + 2 }, m.label));
      return;
    }
    svg.append(el('svg:line', { x1: x(m.from), y1: y, x2: x(m.to), y2: y, stroke: color, 'stroke-dasharray': m.dashed ? '5 3' : null, 'marker-end': 'url(#arrow)', class: 'sequence-message' }),
      el('svg:text', { x: (x(m.from) + x(m.to)) / 2, y: y - 4, 'text-anchor': 'middle', fill: color }, m.label));
  });
  return svg;
}
