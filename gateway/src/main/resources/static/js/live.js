// The manager's live view: the restaurant's own figures (docs/api.md, "Figures"), read
// from the three services every few seconds through the gateway and drawn as small
// charts of the last few minutes. The app keeps the history (the last POINTS readings,
// in memory only); the services answer only the figures of now. Each service is read on
// its own, so one that is down shows "no figures" on its charts while the others go on.
// It polls only while on show: leaving the tab or the screen, or signing out, stops it.

import { get } from './api.js';
import { Poller, h, money, replace } from './ui.js';

const INTERVAL_MS = 5000; // 3 calls every 5 s: 36 a minute, well inside the rate limit
const POINTS = 60; // five minutes at one reading each 5 s
const MIN_SPAN = 12; // the shortest axis: a minute
const SOURCES = { orders: '/api/orders/figures', kitchen: '/api/kitchen/figures', bills: '/api/bills/figures' };
const SERVICE_NAMES = { orders: 'Orders', kitchen: 'Kitchen', bills: 'Cashier' };
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 240;
const HEIGHT = 48;

// One reading: {at, orders, kitchen, bills}, each the service's figures or null (no answer).
const history = [];
const problems = {};
let poller = null;

const $ = (id) => document.getElementById(id);

/** Starts polling; when already polling, reads the figures again at once. */
export function start() {
	if (!poller) poller = new Poller(refresh, INTERVAL_MS);
	if (poller.running) return poller.now();
	return poller.start();
}

export function stop() {
	poller?.stop();
}

async function refresh() {
	const names = Object.keys(SOURCES);
	const answers = await Promise.allSettled(names.map((name) => get(SOURCES[name])));
	const reading = { at: Date.now() };
	answers.forEach((answer, i) => {
		reading[names[i]] = answer.status === 'fulfilled' ? answer.value : null;
		problems[names[i]] = answer.status === 'rejected' ? answer.reason : null;
	});
	history.push(reading);
	if (history.length > POINTS) history.splice(0, history.length - POINTS);
	render();
	$('manager-live').dataset.readings = String(history.length);
	// The light turns red only when no service answered at all.
	if (answers.every((a) => a.status === 'rejected')) throw answers[0].reason;
}

/** The values of one series over the history; null where there was no answer. */
const series = (pick) => history.map((reading) => {
	try {
		const value = pick(reading);
		return value === undefined || value === null ? null : Number(value);
	}
	catch (e) {
		return null;
	}
});

const last = (values) => values[values.length - 1];

function render() {
	const latest = history[history.length - 1];
	const openOrders = latest.orders ? Object.values(latest.orders.openOrders).reduce((a, b) => a + b, 0) : null;
	const charts = [
		chart('orders', 'Orders, last minute', 'orders', [{ values: series((r) => r.orders.ordersLastMinute) }],
			(v) => `${v[0]}`, latest.orders && `${latest.orders.ordersLastHour} in the last hour · ${openOrders} open`),
		chart('waiting', 'Tickets waiting', 'kitchen', [{ values: series((r) => r.kitchen.ticketsWaiting) }],
			(v) => `${v[0]}`, latest.kitchen && `${latest.kitchen.ticketsPreparing} being prepared`),
		chart('times', 'Average wait and cook time', 'kitchen', [
			{ values: series((r) => r.kitchen.averageWaitSeconds), name: 'wait' },
			{ values: series((r) => r.kitchen.averageCookSeconds), name: 'cook' },
		], (v) => `${seconds(v[0])} · ${seconds(v[1])}`, 'wait · cook, tickets of the last 15 minutes'),
		replicasChart(latest),
		chart('takings', 'Takings, last hour', 'bills', [{ values: series((r) => r.bills.takingsLastHour) }],
			(v) => money(v[0], latest.bills?.currency),
			latest.bills && `${latest.bills.paymentsLastMinute} payments in the last minute · ${latest.bills.openBills} bills open`),
		outboxChart(),
	];
	replace($('live-charts'), charts);
}

const seconds = (s) => (s === null || s === undefined ? '–' : `${Math.round(s)} s`);

/**
 * One chart: a title, the current value(s), a sparkline of the history and a line of
 * detail; "no figures" when its service did not answer the last reading.
 */
function chart(key, title, source, lines, current, detail) {
	const down = history[history.length - 1][source] === null;
	const values = lines.map((line) => last(line.values));
	return h('figure', { class: `panel chart${down ? ' down' : ''}`, dataset: { chart: key, source } },
		h('figcaption', { class: 'chart-title' }, title),
		h('div', { class: 'chart-value', dataset: { value: down ? '' : String(values[0] ?? '') } },
			down ? 'no figures' : current(values)),
		sparkline(lines),
		h('div', { class: 'chart-detail', title: down ? problemText(source) : '' },
			down ? `${SERVICE_NAMES[source]}: ${problemText(source)}` : (detail || '')));
}

function problemText(source) {
	const problem = problems[source];
	return problem ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ''}` : 'no answer';
}

/** Each kitchen replica's load: what it is preparing now, over the history. */
function replicasChart(latest) {
	const down = latest.kitchen === null;
	const replicas = latest.kitchen?.replicas ?? [];
	return h('figure', { class: `panel chart chart-wide${down ? ' down' : ''}`, dataset: { chart: 'replicas', source: 'kitchen' } },
		h('figcaption', { class: 'chart-title' }, 'Kitchen replicas: tickets in hand'),
		down ? h('div', { class: 'chart-value' }, 'no figures') : null,
		down ? h('div', { class: 'chart-detail' }, `${SERVICE_NAMES.kitchen}: ${problemText('kitchen')}`)
			: h('ul', { class: 'replica-loads' }, replicas.map((replica, i) => {
				const values = series((r) => r.kitchen.replicas.find((x) => x.instanceId === replica.instanceId)?.preparing);
				return h('li', { class: `replica-load c${i % 6}${replica.status === 'UP' ? '' : ' gone'}`, dataset: { instanceId: replica.instanceId } },
					h('span', { class: 'replica-name', title: replica.instanceId }, replica.instanceId.replace(/^kitchen-service:/, '')),
					sparkline([{ values }], 160, 28),
					h('span', { class: 'replica-figures' }, h('strong', {}, String(replica.preparing)), ' preparing · ',
						h('strong', {}, String(replica.cookedLastMinute)), ' cooked/min',
						replica.status === 'UP' ? '' : ` · ${replica.status}`));
			})));
}

/** The outbox backlog of each service, one line each. */
function outboxChart() {
	const lines = Object.keys(SOURCES).map((source) => ({ values: series((r) => r[source].outboxPending), name: source }));
	const latest = history[history.length - 1];
	return h('figure', { class: 'panel chart', dataset: { chart: 'outbox' } },
		h('figcaption', { class: 'chart-title' }, 'Outbox backlog: messages not yet delivered'),
		h('div', { class: 'chart-value outbox-values' }, Object.keys(SOURCES).map((source, i) => h('span',
			{ class: `outbox-value line-${i}`, dataset: { source } },
			`${SERVICE_NAMES[source]} `, h('strong', {}, latest[source] === null ? 'no figures' : String(latest[source].outboxPending))))),
		sparkline(lines));
}

/** An inline SVG of one or more series, 0 at the bottom; a gap where a value is missing. */
function sparkline(lines, width = WIDTH, height = HEIGHT) {
	const svg = document.createElementNS(SVG, 'svg');
	svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
	svg.setAttribute('class', 'sparkline');
	svg.setAttribute('aria-hidden', 'true');
	// stretched to its box; the strokes keep their width (vector-effect in app.css)
	svg.setAttribute('preserveAspectRatio', 'none');
	const max = Math.max(1, ...lines.flatMap((line) => line.values.filter((v) => v !== null)));
	// The axis spans the readings so far (at least a minute's), up to POINTS: a new view
	// fills within a minute, then scrolls; the newest reading is at the right edge.
	const span = Math.min(POINTS, Math.max(MIN_SPAN, history.length));
	const step = width / (span - 1);
	const offset = span - history.length;
	lines.forEach((line, n) => {
		let points = [];
		const segments = [points];
		line.values.forEach((v, i) => {
			if (v === null) {
				points = [];
				segments.push(points);
				return;
			}
			const x = (offset + i) * step;
			const y = height - 2 - (v / max) * (height - 4);
			points.push(`${x.toFixed(1)},${y.toFixed(1)}`);
		});
		for (const segment of segments.filter((s) => s.length > 0)) {
			const el = document.createElementNS(SVG, 'polyline');
			if (segment.length === 1) {
				// one reading alone: a short dash, so that it shows
				const [x, y] = segment[0].split(',').map(Number);
				el.setAttribute('points', `${Math.max(0, x - 3)},${y} ${Math.min(width, x + 3)},${y}`);
			}
			else {
				el.setAttribute('points', segment.join(' '));
			}
			el.setAttribute('class', `line-${n}`);
			svg.append(el);
		}
	});
	return svg;
}
