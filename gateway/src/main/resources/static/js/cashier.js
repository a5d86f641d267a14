// The cashier: open bills, a bill's lines and totals, cash and card payments (split
// between guests), the printable receipt and the day's report. Waiters read bills and
// receipts here; taking payments and the report are the cashier's (and the manager's).

import { DraftKey, get, post } from './api.js';
import * as session from './session.js';
import { Poller, cents, clearErrors, clock, fromCents, h, markFields, money, note, parseCents, replace, showProblem, signature, since } from './ui.js';

const state = {
	tab: 'bills',
	filter: 'OPEN',
	bills: [],
	selectedId: null,
	bill: null,
	form: null, // the payment being prepared for the selected bill
	paying: false,
	result: null, // the last payment taken on the selected bill
	report: null,
	reportDate: null,
	canPay: false, // CASHIER (or MANAGER): payments and the day's report
};

const $ = (id) => document.getElementById(id);
let poller;
const rendered = {};

function newForm() {
	return { method: 'CASH', amount: '', amountTouched: false, tip: '', tendered: '', split: 1, shares: 0, key: new DraftKey() };
}

export function init() {
	poller = new Poller(refresh, 2000);
	document.querySelectorAll('#cashier [data-bills]').forEach((b) => b.addEventListener('click', () => {
		state.filter = b.dataset.bills;
		document.querySelectorAll('#cashier [data-bills]').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
		state.bills = [];
		rendered.list = null;
		renderList();
		poller.now();
	}));
	$('tab-bills').addEventListener('click', () => tab('bills'));
	$('tab-report').addEventListener('click', () => tab('report'));
	const date = $('report-date');
	date.value = today();
	$('report-form').addEventListener('submit', (e) => {
		e.preventDefault();
		state.report = null;
		poller.now();
	});
	$('receipt-close').addEventListener('click', () => $('receipt-dialog').close());
	$('receipt-print').addEventListener('click', () => {
		document.body.classList.add('printing-receipt');
		window.print();
	});
	window.addEventListener('afterprint', () => document.body.classList.remove('printing-receipt'));
}

/** The person signed in: a waiter sees the bills but takes no payment and no report. */
export function person() {
	state.canPay = session.has('CASHIER');
	const tabs = document.querySelector('#cashier .tabs');
	if (tabs) tabs.hidden = !state.canPay;
	if (!state.canPay && state.tab === 'report' && poller) tab('bills');
	rendered.bill = null;
	rendered.form = null;
	if (poller) renderBill();
}

export const start = () => poller.start();
export const stop = () => poller.stop();
export const refreshNow = () => poller.now();

function tab(name) {
	state.tab = name;
	$('tab-bills').setAttribute('aria-selected', String(name === 'bills'));
	$('tab-report').setAttribute('aria-selected', String(name === 'report'));
	$('cashier-bills').hidden = name !== 'bills';
	$('cashier-report').hidden = name !== 'report';
	poller.now();
}

/** Today in this device's time zone, as YYYY-MM-DD. */
function today() {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function refresh() {
	if (state.tab === 'report') {
		const date = $('report-date').value || today();
		state.report = await get(`/api/reports/daily?date=${encodeURIComponent(date)}`);
		renderReport();
		return;
	}
	const [bills, bill] = await Promise.all([
		get(`/api/bills?status=${state.filter}`),
		state.selectedId ? get(`/api/bills/${state.selectedId}`) : null,
	]);
	// Newest first for paid bills, and only the last few: the list only grows.
	state.bills = state.filter === 'PAID' ? bills.slice(-30).reverse() : bills;
	if (bill && bill.id === state.selectedId) state.bill = bill;
	renderList();
	renderBill();
}

// --- the list of bills ----------------------------------------------------------------

function renderList() {
	const view = signature([state.filter, state.selectedId, state.bills.map((b) => [b.id, b.balanceDue, b.status])]);
	if (rendered.list === view) return;
	rendered.list = view;
	replace($('bill-list'), state.bills.length ? state.bills.map((b) => h('li', {},
		h('button', {
			type: 'button',
			class: 'bill',
			'aria-current': b.id === state.selectedId ? 'true' : 'false',
			dataset: { billId: b.id, orderId: b.orderId, status: b.status },
			onclick: () => select(b),
		},
		h('span', { class: 'table-tag' }, b.table),
		h('span', { class: 'bill-amount' }, b.status === 'OPEN' ? `${money(b.balanceDue, b.currency)} due` : money(b.total, b.currency)),
		b.status === 'OPEN' ? since(b.openedAt, 'ago', { class: 'bill-age' }) : h('span', { class: 'bill-age' }, b.paidAt ? `paid ${clock(b.paidAt)}` : '')))) :
		h('li', { class: 'empty' }, state.filter === 'OPEN' ? 'No open bills.' : 'No paid bills yet.'));
}

function select(bill) {
	if (state.selectedId !== bill.id) {
		state.selectedId = bill.id;
		state.bill = bill;
		state.form = newForm();
		state.result = null;
		rendered.bill = null;
		rendered.form = null;
		clearErrors();
	}
	renderList();
	renderBill();
	poller.now();
}

// --- one bill -------------------------------------------------------------------------

function renderBill() {
	const bill = state.bill;
	const panel = $('bill-detail');
	if (!bill) {
		if (rendered.bill !== 'none') replace(panel, h('p', { class: 'empty' }, 'Choose a bill.'));
		rendered.bill = 'none';
		return;
	}
	const view = signature([bill, state.result, state.canPay]);
	if (rendered.bill !== view) {
		rendered.bill = view;
		panel.dataset.billId = bill.id;
		panel.dataset.status = bill.status;
		replace(panel,
			summary(bill),
			state.result ? resultBox(state.result, bill.currency) : null,
			bill.status !== 'OPEN' ? h('p', { class: 'paid-note' }, `Paid in full${bill.paidAt ? ` at ${clock(bill.paidAt)}` : ''}.`)
				: state.canPay ? h('div', { id: 'pay-form', class: 'pay-form' })
					: h('p', { class: 'hint read-only' }, 'A cashier takes the payment.'),
			h('div', { class: 'actions bill-actions' },
				h('button', { type: 'button', class: bill.status === 'PAID' ? 'primary receipt-button' : 'secondary receipt-button', onclick: () => receipt(bill) }, 'Receipt')));
		rendered.form = null;
	}
	if (bill.status === 'OPEN' && state.canPay) renderForm(bill);
}

function summary(bill) {
	const c = bill.currency;
	return h('div', { class: 'bill-summary' },
		h('div', { class: 'bill-head' },
			h('h2', {}, 'Table ', h('span', { class: 'table-tag' }, bill.table)),
			h('span', { class: `status status-${bill.status}` }, bill.status === 'OPEN' ? 'Open' : 'Paid')),
		h('table', { class: 'lines' },
			h('thead', {}, h('tr', {}, h('th', {}, 'Qty'), h('th', {}, 'Item'), h('th', { class: 'num' }, 'Price'), h('th', { class: 'num' }, 'Amount'))),
			h('tbody', {}, bill.lines.map((l) => h('tr', {},
				h('td', {}, String(l.quantity)), h('td', {}, l.name), h('td', { class: 'num' }, money(l.unitPrice, c)), h('td', { class: 'num' }, money(l.lineTotal, c)))))),
		h('dl', { class: 'totals' },
			row('Subtotal', money(bill.subtotal, c)),
			row(taxLabel(bill), money(bill.tax, c)),
			row('Total', money(bill.total, c), 'total'),
			row('Paid', money(bill.paid, c)),
			row('Balance due', money(bill.balanceDue, c), 'due')),
		bill.payments.length ? h('ul', { class: 'payments' }, bill.payments.map((p) => h('li', { dataset: { paymentId: p.id } },
			h('span', { class: 'method' }, p.method === 'CASH' ? 'Cash' : 'Card'),
			` ${money(p.amount, c)}`,
			Number(p.tip) ? ` + tip ${money(p.tip, c)}` : '',
			p.method === 'CASH' && p.tendered != null ? ` · tendered ${money(p.tendered, c)}, change ${money(p.change, c)}` : '',
			h('span', { class: 'when' }, clock(p.paidAt))))) : null);
}

function taxLabel(bill) {
	if (bill.taxRate == null) return 'Tax';
	const rate = `${Math.round(Number(bill.taxRate) * 10000) / 100} %`;
	return bill.pricesIncludeTax === false ? `Tax ${rate}` : `Tax ${rate} (included)`;
}

function row(label, value, cls) {
	return [h('dt', { class: cls }, label), h('dd', { class: cls }, value)];
}

function resultBox(payment, currency) {
	const cash = payment.method === 'CASH';
	return h('div', { class: 'payment-result', role: 'status', dataset: { method: payment.method, change: cash ? String(payment.change ?? 0) : '' } },
		h('div', {}, cash ? `Took ${money(payment.amount, currency)} in cash` : `Charged ${money(payment.amount, currency)} to card`,
			Number(payment.tip) ? `, tip ${money(payment.tip, currency)}` : '',
			cash ? `, tendered ${money(payment.tendered, currency)}` : ''),
		cash ? h('div', { class: 'change' }, 'Change ', h('strong', { class: 'change-amount' }, money(payment.change, currency))) : null);
}

// --- the payment form -----------------------------------------------------------------

/** The amount the form proposes: the balance, or the next guest's share of it. */
function proposedCents(bill, form) {
	const due = cents(bill.balanceDue);
	const left = form.split - form.shares;
	return left > 1 ? Math.round(due / left) : due;
}

function renderForm(bill) {
	const form = state.form || (state.form = newForm());
	if (!form.amountTouched) form.amount = fromCents(proposedCents(bill, form)).toFixed(2);
	const holder = $('pay-form');
	const view = signature([bill.balanceDue, form.method, form.split, form.shares, state.paying]);
	if (rendered.form !== view) {
		rendered.form = view;
		buildForm(holder, bill, form);
	}
	updatePreview(bill, form);
}

function buildForm(holder, bill, form) {
	const c = bill.currency;
	const input = (name, label, attrs = {}) => h('label', { class: `field field-${name}` }, label,
		h('input', {
			name,
			type: 'text',
			inputmode: 'decimal',
			autocomplete: 'off',
			value: form[name],
			dataset: { field: name },
			oninput: (e) => {
				form[name] = e.target.value;
				if (name === 'amount') form.amountTouched = true;
				updatePreview(bill, form);
			},
			...attrs,
		}));
	const splits = [1, 2, 3, 4].map((n) => h('button', {
		type: 'button',
		'aria-pressed': String(form.split === n),
		dataset: { split: n },
		onclick: () => {
			form.split = n;
			form.shares = 0;
			form.amountTouched = false;
			renderForm(bill);
		},
	}, n === 1 ? 'Whole' : `÷ ${n}`));
	const methods = ['CASH', 'CARD'].map((m) => h('button', {
		type: 'button',
		'aria-pressed': String(form.method === m),
		dataset: { method: m },
		onclick: () => {
			form.method = m;
			renderForm(bill);
		},
	}, m === 'CASH' ? 'Cash' : 'Card'));
	const quick = h('div', { class: 'quick-tender', id: 'quick-tender' });
	replace(holder,
		h('h3', {}, 'Take a payment'),
		h('div', { class: 'pay-row' },
			h('div', { class: 'segmented', role: 'group', 'aria-label': 'Method' }, methods),
			h('div', { class: 'segmented split', role: 'group', 'aria-label': 'Split the bill' }, splits)),
		form.split > 1 ? h('p', { class: 'split-note' }, `Guest ${Math.min(form.shares + 1, form.split)} of ${form.split}: each pays about ${money(fromCents(Math.round(cents(bill.total) / form.split)), c)}.`) : null,
		h('div', { class: 'pay-row fields' },
			input('amount', 'Amount'),
			input('tip', 'Tip', { placeholder: '0.00' }),
			form.method === 'CASH' ? input('tendered', 'Cash given', { placeholder: 'exact' }) : null),
		form.method === 'CASH' ? quick : null,
		h('p', { class: 'change-preview', id: 'change-preview', 'aria-live': 'polite' }),
		h('div', { class: 'actions' },
			h('button', { type: 'button', class: 'primary pay', id: 'pay', disabled: state.paying, onclick: () => pay(bill, form) }, 'Pay')));
}

function updatePreview(bill, form) {
	const c = bill.currency;
	const amount = parseCents(form.amount);
	const tip = form.tip.trim() ? parseCents(form.tip) : 0;
	const tendered = form.tendered.trim() ? parseCents(form.tendered) : null;
	const preview = $('change-preview');
	const button = $('pay');
	if (!preview || !button) return;
	preview.className = 'change-preview';
	if (amount == null || tip == null || (form.tendered.trim() && tendered == null)) {
		preview.textContent = 'Amounts are numbers like 12.50.';
		preview.classList.add('warn');
	}
	else if (form.method === 'CASH' && tendered != null) {
		const change = tendered - amount - tip;
		preview.textContent = change >= 0 ? `Change to give: ${money(fromCents(change), c)}` : `${money(fromCents(-change), c)} short of amount and tip.`;
		if (change < 0) preview.classList.add('warn');
	}
	else {
		preview.textContent = amount > cents(bill.balanceDue) ? `More than the ${money(bill.balanceDue, c)} due.` : '';
		if (amount > cents(bill.balanceDue)) preview.classList.add('warn');
	}
	const total = (amount ?? 0) + (tip ?? 0);
	button.textContent = state.paying ? 'Paying…' : form.method === 'CASH'
		? `Take ${money(fromCents(total), c)} in cash` : `Charge ${money(fromCents(total), c)} to card`;
	const quick = $('quick-tender');
	if (quick && form.method === 'CASH') {
		const base = (amount ?? 0) + (tip ?? 0);
		const notes = [...new Set([base, ...[500, 1000, 2000, 5000, 10000].map((n) => Math.ceil(base / n) * n)])].filter((v) => v >= base && v > 0).slice(0, 4);
		const view = signature([c, notes]);
		if (quick.dataset.view !== view) {
			quick.dataset.view = view;
			replace(quick, notes.map((v) => h('button', {
				type: 'button',
				class: 'secondary',
				onclick: () => {
					form.tendered = fromCents(v).toFixed(2);
					const field = document.querySelector('#pay-form input[name=tendered]');
					if (field) field.value = form.tendered;
					updatePreview(bill, form);
				},
			}, v === base ? 'Exact' : money(fromCents(v), c))));
		}
	}
}

async function pay(bill, form) {
	if (state.paying) return;
	const amount = parseCents(form.amount);
	const tip = form.tip.trim() ? parseCents(form.tip) : 0;
	const tendered = form.tendered.trim() ? parseCents(form.tendered) : amount + tip;
	if (amount == null || tip == null || tendered == null || Number.isNaN(tendered)) {
		showProblem({ title: 'Not an amount', detail: 'Type amounts as numbers, such as 12.50.', errors: [] }, 'Taking the payment');
		return;
	}
	const body = { method: form.method, amount: fromCents(amount) };
	if (tip) body.tip = fromCents(tip);
	if (form.method === 'CASH') body.tendered = fromCents(tendered);
	// One key per payment draft: a double click or a retry pays once.
	const key = form.key.for({ bill: bill.id, ...body });
	state.paying = true;
	renderForm(bill);
	try {
		const payment = await post(`/api/bills/${bill.id}/payments`, body, key);
		clearErrors();
		state.result = payment;
		const shares = form.shares + 1;
		state.form = { ...newForm(), method: form.method, split: form.split, shares: shares >= form.split ? 0 : shares };
		if (shares >= form.split) state.form.split = 1;
		note(payment.method === 'CASH' ? `Cash taken; change ${money(payment.change, bill.currency)}.` : 'Card payment taken.');
	}
	catch (problem) {
		state.paying = false;
		rendered.form = null;
		renderForm(bill);
		markFields($('pay-form'), problem);
		showProblem(problem, `Taking the payment for ${bill.table}`);
		return;
	}
	state.paying = false;
	rendered.bill = null;
	await poller.now();
}

async function receipt(bill) {
	try {
		const text = await get(`/api/bills/${bill.id}/receipt`);
		$('receipt-text').textContent = text;
		$('receipt-title').textContent = `Receipt, table ${bill.table}`;
		const dialog = $('receipt-dialog');
		if (!dialog.open) dialog.showModal();
	}
	catch (problem) {
		showProblem(problem, 'Printing the receipt');
	}
}

// --- the day's report -----------------------------------------------------------------

function renderReport() {
	const r = state.report;
	const view = signature(r);
	if (rendered.report === view) return;
	rendered.report = view;
	if (!r) {
		replace($('report'), h('p', { class: 'empty' }, 'Loading…'));
		return;
	}
	const c = r.currency;
	const methods = Object.entries(r.byMethod || {});
	replace($('report'),
		h('h2', {}, `Takings of ${r.date}`, r.zone ? h('span', { class: 'hint' }, ` (${r.zone})`) : null),
		h('div', { class: 'figures' },
			figure('Bills paid', String(r.billsPaid), 'billsPaid'),
			figure('Sales', money(r.sales, c), 'sales'),
			figure('Tax', money(r.tax, c), 'tax'),
			figure('Tips', money(r.tips, c), 'tips'),
			figure('Payments', String(r.payments ?? methods.reduce((n, [, m]) => n + m.count, 0)), 'payments')),
		h('table', { class: 'lines by-method' },
			h('thead', {}, h('tr', {}, h('th', {}, 'Method'), h('th', { class: 'num' }, 'Payments'), h('th', { class: 'num' }, 'Amount'), h('th', { class: 'num' }, 'Tips'))),
			h('tbody', {}, methods.map(([method, m]) => h('tr', { dataset: { method } },
				h('td', {}, method === 'CASH' ? 'Cash' : method === 'CARD' ? 'Card' : method),
				h('td', { class: 'num' }, String(m.count)), h('td', { class: 'num' }, money(m.amount, c)), h('td', { class: 'num' }, money(m.tips, c)))))));
}

function figure(label, value, name) {
	return h('div', { class: 'figure', dataset: { figure: name } }, h('span', { class: 'figure-label' }, label), h('strong', {}, value));
}
