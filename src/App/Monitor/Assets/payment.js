// The payment panel of a payment-* instance: what the payments API knows (status, amounts, parties with CLABEs
// masked, escrow, transactions, timeline in Spanish or English, ledger, approvals) and the operator actions.
import { call, paymentPath } from './api.js';
import { confirmAction, el, maskClabe, message, time } from './ui.js';

let language = 'es';

export function showPayment(root, paymentId, onChange) {
  let stopped = false;
  const body = el('div', { id: 'payment-body' });
  const feedback = el('div', { id: 'payment-message' });
  const toggle = el('select', { id: 'timeline-language', title: 'Timeline language' }, el('option', { value: 'es' }, 'Español'), el('option', { value: 'en' }, 'English'));
  toggle.value = language;
  toggle.addEventListener('change', () => { language = toggle.value; refresh(); });
  const button = (name, label, run) => el('button', { type: 'button', id: `payment-${name}`, onclick: run }, label);
  const actions = el('div', { class: 'toolbar', id: 'payment-actions' },
    button('approve', 'Approve', approve),
    button('resume', 'Resume held payment', () => act('resume', 'Resume held payment', 'The held step runs again with the same idempotency key.')),
    button('resolve-seller', 'Resolve dispute → seller', () => act('resolve', 'Resolve dispute to the seller', 'The escrow is released and the seller is paid.', 'seller')),
    button('resolve-buyer', 'Resolve dispute → buyer', () => act('resolve', 'Resolve dispute to the buyer', 'The escrow is refunded and the buyer is paid back.', 'buyer')),
    button('cancel', 'Cancel payment', () => act('cancel', 'Cancel payment', 'The payment is cancelled and any escrowed value refunded.')));
  root.replaceChildren(el('div', { class: 'panel', id: 'payment' }, el('h2', {}, `Payment ${paymentId}`), actions, feedback, body));
  root.querySelector('#payment h2').append(' ', el('label', {}, 'Timeline', toggle));

  async function refresh() {
    try {
      const [view, ledger] = await Promise.all([
        call('GET', paymentPath(paymentId), { headers: { 'accept-language': language } }),
        call('GET', `${paymentPath(paymentId)}/ledger`).catch(() => ({ body: [] })),
      ]);
      if (!stopped) render(view.body, ledger.body);
    } catch (error) {
      body.replaceChildren(el('p', { class: 'error' }, `The payments API has no payment ${paymentId}: ${error.message}`));
    }
  }

  function render(p, ledger) {
    const row = (label, value, id) => [el('dt', {}, label), el('dd', id ? { id } : {}, value ?? '—')];
    const escrow = p.escrow;
    const hashes = escrow ? [['approve', escrow.approveTx], ['createEscrow', escrow.createTx], ['release', escrow.releaseTx], ['refund', escrow.refundTx]].filter(([, tx]) => tx) : [];
    body.replaceChildren(
      el('div', { class: 'columns' },
        el('dl', { class: 'fields' },
          row('Status', el('span', { class: 'status' }, p.status), 'payment-status'),
          row('Amount', `$${Number(p.amount).toFixed(2)} MXN`, 'payment-amount'),
          row('Escrowed', escrow ? `${escrow.amountBaseUnits} MXNB base units` : null),
          row('Buyer', `${p.buyer.name} · refund CLABE ${maskClabe(p.buyer.refundClabe) || '—'}`, 'payment-buyer'),
          row('Seller', `${p.seller.name} · CLABE ${maskClabe(p.seller.clabe)}`, 'payment-seller'),
          row('Deposit CLABE', maskClabe(p.depositClabe), 'payment-deposit-clabe'),
          row('Deadline', time(p.deadline)),
          row('Custody end', time(p.custodyEnd)),
          row('Escrow id', escrow?.id, 'payment-escrow-id'),
          row('Escrow status', escrow?.status),
          row('Transactions', hashes.length ? el('ul', { id: 'payment-transactions' }, hashes.map(([name, tx]) => el('li', { class: 'mono' }, `${name}: ${tx}`))) : null),
          row('Approvals', `${p.approvals?.length ?? 0} of ${p.requiredApprovals} required`, 'payment-approval-count'),
          row('Approvers', p.approvals?.length ? el('ul', { id: 'payment-approvals' }, p.approvals.map(a => el('li', {}, `${a.approver} at ${time(a.approvedAt)}`))) : null)),
        el('div', {},
          el('h3', {}, language === 'es' ? 'Cronología' : 'Timeline'),
          el('ol', { id: 'payment-timeline', lang: language }, (p.timeline ?? []).map(t => el('li', { 'data-kind': t.kind }, el('small', {}, time(t.occurredAt)), ' ', t.text))))),
      el('h3', {}, 'Ledger'),
      el('table', { id: 'payment-ledger' },
        el('thead', {}, el('tr', {}, ['Posted', 'Movement', 'Account', 'Debit', 'Credit'].map(h => el('th', {}, h)))),
        el('tbody', {}, ledger.flatMap(t => t.entries.map(e => el('tr', {},
          el('td', {}, time(t.occurredAt)), el('td', {}, t.movement), el('td', { class: 'mono' }, e.account),
          el('td', {}, e.amount > 0 ? Number(e.amount).toFixed(2) : ''), el('td', {}, e.amount < 0 ? Number(-e.amount).toFixed(2) : '')))))));
  }

  async function send(label, request) {
    try {
      const response = await request();
      message(feedback, true, `${label}: accepted (${response.status}).`);
    } catch (error) {
      // The payments API's own checks (409 for a status that does not allow it, approver rules) show as they are.
      message(feedback, false, `${label} refused: ${error.message}`);
    }
    await refresh();
    onChange();
  }

  async function act(route, label, text, outcome) {
    const values = await confirmAction({ title: `${label}?`, text, fields: [{ name: 'reason', label: 'Reason (for the timeline)' }], okLabel: label });
    if (values) await send(label, () => call('POST', `${paymentPath(paymentId)}/${route}`, { body: { reason: values.reason || null, outcome } }));
  }

  async function approve() {
    const values = await confirmAction({
      title: 'Approve the release?',
      text: 'Each approver approves with their own key; it is sent once and not kept.',
      fields: [{ name: 'approverKey', label: 'Approver key', type: 'password' }],
      okLabel: 'Approve',
      validate: ({ approverKey }) => approverKey ? null : 'Enter the approver key.',
    });
    if (values) await send('Approve', () => call('POST', `${paymentPath(paymentId)}/approve`, { headers: { 'x-approver-key': values.approverKey } }));
  }

  return { refresh, stop: () => { stopped = true; } };
}
