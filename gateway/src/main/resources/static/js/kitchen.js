// The kitchen display: queued, preparing and ready tickets, who cooks them, and the
// kitchen replicas with their load.

import { get, post } from './api.js';
import { Poller, clearErrors, h, pollingScreen, replace, showProblem, signature, since } from './ui.js';

const MANUAL_KEY = 'restaurant.kitchen.manual';
// A ticket turns red when it has waited this long (seconds): queued without a cook, or
// ready without a waiter. Preparing turns red past its longest item's prep time.
const LATE_QUEUED = 300;
const LATE_READY = 120;
// The cluster view (which replicas there are, what each cooks) is asked for every 4th beat,
// and at once after a start or a ready on this display: unlike the tickets it is never a
// 304 (it changes with the registry and the leases), and every beat it made a third of
// this screen's calls (TabletsBenchmark).
const CLUSTER_EVERY = 4;

const state = {
	queued: [],
	preparing: [],
	ready: [],
	readyOrders: null, // ids of orders still READY (not served yet); null until known
	replicas: [],
	beats: 0,
	clusterStale: true,
	manual: false,
	busy: new Set(),
};

const $ = (id) => document.getElementById(id);
const poller = new Poller(refresh, 1500);
const rendered = {};

export function init() {
	const manual = $('manual-mode');
	// The kitchen's own mode (autoCook in the cluster view) ticks the box, until someone on
	// this device chooses otherwise.
	try {
		const chosen = localStorage.getItem(MANUAL_KEY);
		state.chosen = chosen !== null;
		state.manual = chosen === 'true';
	}
	catch (e) {
		state.chosen = false;
		state.manual = false;
	}
	manual.checked = state.manual;
	manual.addEventListener('change', () => {
		state.manual = manual.checked;
		state.chosen = true;
		try {
			localStorage.setItem(MANUAL_KEY, String(state.manual));
		}
		catch (e) {
			// private mode: remembered for this page only
		}
		render();
	});
}

export const { start, stop, refreshNow } = pollingScreen(poller, () => {
	state.clusterStale = true;
});

async function refresh() {
	// The tickets of the three lanes in one call, oldest first; while neither tickets nor
	// orders change, both lists are a 304 and the browser hands over its copy (api.js).
	const askCluster = state.beats++ % CLUSTER_EVERY === 0 || state.clusterStale;
	const [tickets, readyOrders, cluster] = await Promise.allSettled([
		get('/api/kitchen/tickets?status=QUEUED&status=PREPARING&status=READY'),
		get('/api/orders?status=READY'),
		askCluster ? get('/api/kitchen/cluster') : null,
	]);
	// The kitchen's own answer is needed; the order-service's (which ready tickets are
	// still waiting for a waiter) and the cluster view keep their last known value.
	const failed = [tickets, readyOrders, cluster].find((r) => r.status === 'rejected');
	if (tickets.status === 'fulfilled') {
		state.queued = tickets.value.filter((t) => t.status === 'QUEUED');
		state.preparing = tickets.value.filter((t) => t.status === 'PREPARING');
		state.ready = tickets.value.filter((t) => t.status === 'READY');
	}
	if (readyOrders.status === 'fulfilled') state.readyOrders = new Set(readyOrders.value.map((o) => o.id));
	if (cluster.status === 'fulfilled' && cluster.value) {
		state.clusterStale = false;
		state.replicas = cluster.value.replicas || [];
		if (!state.chosen && typeof cluster.value.autoCook === 'boolean') {
			state.manual = !cluster.value.autoCook;
			$('manual-mode').checked = state.manual;
		}
	}
	render();
	if (failed) throw failed.reason;
}

function render() {
	const waiting = state.readyOrders ? state.ready.filter((t) => state.readyOrders.has(t.orderId)) : [];
	lane('queued', state.queued);
	lane('preparing', state.preparing);
	lane('ready', waiting);
	renderReplicas();
}

function lane(name, tickets) {
	const view = signature([tickets.map((t) => [t.id, t.status, t.preparedBy]), state.manual, [...state.busy], colours()]);
	if (rendered[name] === view) return;
	rendered[name] = view;
	$(`count-${name}`).textContent = String(tickets.length);
	replace($(`lane-${name}`), tickets.length ? tickets.map(ticket) : h('p', { class: 'empty' }, `No ${name} tickets.`));
}

function ticket(t) {
	const [from, late] = t.status === 'QUEUED' ? [t.receivedAt, LATE_QUEUED]
		: t.status === 'PREPARING' ? [t.startedAt, Math.max(0, ...t.items.map((i) => i.prepSeconds || 0))]
			: [t.readyAt, LATE_READY];
	const busy = state.busy.has(t.id);
	let action = null;
	if (state.manual && t.status === 'QUEUED') {
		action = h('button', { type: 'button', class: 'primary start', disabled: busy, onclick: () => act(t, 'start') }, 'Start');
	}
	if (state.manual && t.status === 'PREPARING') {
		action = h('button', { type: 'button', class: 'primary ready', disabled: busy, onclick: () => act(t, 'ready') }, 'Ready');
	}
	const timer = since(from || t.receivedAt, 'timer', { class: 'ticket-timer', title: timerTitle(t) });
	if (late) timer.dataset.lateAfter = String(late);
	return h('article', { class: `ticket status-${t.status}`, dataset: { ticketId: t.id, orderId: t.orderId, status: t.status } },
		h('div', { class: 'ticket-head' }, h('span', { class: 'table-tag' }, t.table), timer),
		h('ul', { class: 'ticket-items' }, t.items.map((i) => h('li', {},
			h('span', { class: 'qty' }, `${i.quantity}×`), ` ${i.name}`,
			i.note ? h('div', { class: 'note' }, i.note) : null))),
		h('div', { class: 'ticket-foot' },
			t.preparedBy ? replicaChip(t.preparedBy) : h('span', { class: 'replica-chip none' }, 'no cook yet'),
			action));
}

function timerTitle(t) {
	if (t.status === 'QUEUED') return 'waiting for a cook since the kitchen received it';
	if (t.status === 'PREPARING') return 'cooking since it was started';
	return 'waiting for a waiter since it was ready';
}

async function act(t, action) {
	if (state.busy.has(t.id)) return;
	state.busy.add(t.id);
	render();
	try {
		await post(`/api/kitchen/tickets/${t.id}/${action}`);
		clearErrors();
	}
	catch (problem) {
		showProblem(problem, `${action === 'start' ? 'Starting' : 'Finishing'} the ticket for ${t.table}`);
	}
	finally {
		state.busy.delete(t.id);
		state.clusterStale = true;
		poller.now();
	}
}

// --- replicas -------------------------------------------------------------------------

/** Each replica keeps one colour, so a ticket's chip matches its replica's card. */
function colours() {
	return [...new Set([...state.replicas.map((r) => r.instanceId), ...state.preparing.map((t) => t.preparedBy)].filter(Boolean))].sort();
}

function colourOf(instanceId) {
	const index = colours().indexOf(instanceId);
	return `c${(index < 0 ? 0 : index) % 6}`;
}

function replicaChip(instanceId) {
	return h('span', { class: `replica-chip ${colourOf(instanceId)}`, title: `prepared by ${instanceId}` }, instanceId);
}

function renderReplicas() {
	const replicas = [...state.replicas].sort((a, b) => a.instanceId.localeCompare(b.instanceId));
	const view = signature(replicas);
	if (rendered.replicas === view) return;
	rendered.replicas = view;
	const prepared = replicas.reduce((n, r) => n + (r.ticketsPrepared || 0), 0);
	replace($('replicas'), replicas.length ? replicas.map((r) => {
		const share = prepared ? Math.round((100 * (r.ticketsPrepared || 0)) / prepared) : 0;
		return h('div', { class: `replica ${colourOf(r.instanceId)} replica-${r.status}`, dataset: { instanceId: r.instanceId, status: r.status } },
			h('div', { class: 'replica-head' }, replicaChip(r.instanceId), h('span', { class: 'replica-status' }, r.status)),
			h('div', { class: 'replica-load' },
				h('span', { class: 'load-label' }, 'cooking'),
				h('span', { class: 'pans', 'aria-label': `${r.ticketsInProgress} tickets in progress` },
					Array.from({ length: Math.min(r.ticketsInProgress || 0, 8) }, () => h('span', { class: 'pan' })),
					h('b', {}, String(r.ticketsInProgress || 0)))),
			h('div', { class: 'replica-load' },
				h('span', { class: 'load-label' }, 'cooked'),
				h('progress', { max: '100', value: String(share), title: `${share} % of the tickets cooked` }),
				h('b', {}, String(r.ticketsPrepared || 0))),
			r.ticketsAwaitingTakeover ? h('div', { class: 'takeover' }, `${r.ticketsAwaitingTakeover} awaiting takeover`) : null,
			r.host ? h('div', { class: 'replica-where' }, `${r.host}:${r.port}`) : null);
	}) : h('p', { class: 'empty' }, 'No kitchen replica is listed.'));
}
