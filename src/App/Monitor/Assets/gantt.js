// The Gantt chart: one bar per activity, timer, sub-orchestration and external event, drawn as SVG from the history.
import { duration, el, time } from './ui.js';

const colors = { orchestration: '#20324a', activity: '#1d5fb8', 'sub-orchestration': '#7b3fb8', timer: '#a06000', event: '#1b7f3b' };

/** Turns Durable Functions' historyEvents into bars { kind, name, start, end, failed, open }. */
export function spans(events, status) {
  const at = value => Date.parse(value);
  const startedEvent = events.find(e => e.eventType === 'ExecutionStarted');
  const ended = events.find(e => e.eventType === 'ExecutionCompleted' || e.eventType === 'ExecutionTerminated');
  const now = ended ? at(ended.timestamp) : Math.max(Date.now(), at(status.lastUpdatedTime));
  const begin = startedEvent ? at(startedEvent.timestamp) : at(status.createdTime);
  const bars = [{ kind: 'orchestration', name: status.name, start: begin, end: now, failed: status.runtimeStatus === 'Failed', open: !ended }];
  const fired = events.filter(e => e.eventType === 'TimerFired');
  for (const e of events) {
    switch (e.eventType) {
      case 'TaskCompleted': case 'TaskFailed':
        bars.push({ kind: 'activity', name: e.functionName ?? 'activity', start: at(e.scheduledTime ?? e.timestamp), end: at(e.timestamp), failed: e.eventType === 'TaskFailed' });
        break;
      case 'SubOrchestrationInstanceCompleted': case 'SubOrchestrationInstanceFailed':
        bars.push({ kind: 'sub-orchestration', name: e.functionName ?? 'sub-orchestration', start: at(e.scheduledTime ?? e.timestamp), end: at(e.timestamp), failed: e.eventType.endsWith('Failed') });
        break;
      case 'SubOrchestrationInstanceCreated':
        bars.push({ kind: 'sub-orchestration', name: e.functionName ?? 'sub-orchestration', start: at(e.timestamp), end: now, open: true });
        break;
      case 'TimerCreated': {
        const fire = fired.find(f => f.fireAt === e.fireAt);
        // A timer still waiting ends, on the chart, at the last update; its label says when it fires.
        bars.push({ kind: 'timer', name: `timer to ${time(e.fireAt)}`, start: at(e.timestamp), end: fire ? at(fire.timestamp) : Math.min(at(e.fireAt), now), open: !fire });
        break;
      }
      case 'EventRaised':
        bars.push({ kind: 'event', name: `event ${e.name}`, start: begin, end: at(e.timestamp) });
        break;
    }
  }
  return bars.filter(bar => Number.isFinite(bar.start) && Number.isFinite(bar.end));
}

export function drawGantt(bars) {
  const labelWidth = 240, chartWidth = 560, durationWidth = 110, row = 22;
  const width = labelWidth + chartWidth + durationWidth;
  const height = bars.length * row + 24;
  const svg = el('svg:svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'Gantt chart', id: 'gantt-chart' });
  if (bars.length === 0) return svg;
  const first = Math.min(...bars.map(b => b.start));
  const last = Math.max(...bars.map(b => b.end));
  const span = Math.max(last - first, 1);
  const x = t => labelWidth + ((t - first) / span) * chartWidth;
  bars.forEach((bar, i) => {
    const y = i * row + 4;
    const length = bar.end - bar.start;
    svg.append(el('svg:g', { class: `gantt-bar gantt-${bar.kind}`, 'data-kind': bar.kind, 'data-name': bar.name },
      el('svg:title', {}, `${bar.kind}: ${bar.name}\n${time(new Date(bar.start).toISOString())} → ${time(new Date(bar.end).toISOString())}${bar.open ? ' (still open)' : ''}\n${duration(length)}`),
      el('svg:text', { x: 4, y: y + 13 }, `${bar.kind === 'orchestration' ? '' : '  '}${bar.name}`.slice(0, 38)),
      el('svg:rect', { x: x(bar.start), y, width: Math.max(2, x(bar.end) - x(bar.start)), height: row - 8, rx: 3, fill: bar.failed ? '#b3261e' : colors[bar.kind], 'fill-opacity': bar.open ? 0.5 : 1 }),
      el('svg:text', { x: labelWidth + chartWidth + 6, y: y + 13, class: 'gantt-duration' }, `${duration(length)}${bar.open ? '…' : ''}`)));
  });
  svg.append(el('svg:text', { x: labelWidth, y: height - 4 }, time(new Date(first).toISOString())),
    el('svg:text', { x: labelWidth + chartWidth, y: height - 4, 'text-anchor': 'end' }, `+${duration(span)}`));
  return svg;
}
