// The floor: tables, the menu, order drafts, and the orders a waiter watches and serves.
// Drafts are each person's own, and kept in sessionStorage (session.js): a sign-in that
// ends, a reload, or a switch of person on a shared tablet loses none of them.

import { DraftKey, get, post } from './api.js';
import { loadDrafts, saveDrafts } from './session.js';
import { Poller, cents, clearErrors, fromCents, h, markFields, money, note, pollingScreen, replace, showProblem, signature, since } from './ui.js';

/** The dining room: twelve tables, T1 to T12 (the API takes any name of 1-16 characters). */
export const TABLES = Array.from({ length: 12 }, (_, i) => `T${i + 1}`);

const CATEGORIES = [['STARTER', 'Starters'], ['MAIN', 'Mains'], ['DESSERT', 'Desserts'], ['DRINK', 'Drinks']];
const ACTIVE = ['PLACED', 'PREPARING', 'READY', 'SERVED'];
const STATUS_TEXT = {
	PLACED: 'Placed',
	PREPARING: 'Cooking',
	READY: 'Ready to serve',
	SERVED: 'Served, awaiting payment',
	PAID: 'Paid',
	CANCELLED: 'Cancelled',
};
const FINISHED_KEPT_MS = 15 * 60 * 1000;
const MENU_EVERY = 8; // menu asked for every 8th beat (availability changes rarely; unchanged, it is a 304)

const state = {
	staffNumber: null, // whose drafts these are
	table: null,
	drafts: new Map(), // table -> { lines: [{menuItemId, name, price, quantity, note}], key: DraftKey }
	menu: [],
	menuStale: true,
	beats: 0,
	orders: new Map(), // id -> Order, the active ones and the ones we saw finish
	finishedAt: new Map(), // id -> when we saw it finished
	lastStatus: new Map(),
	changed: new Set(),
	showAll: false,
	placing: false,
	busy: new Set(), // order ids with a request in flight
	confirmCancel: null,
};

const $ = (id) => document.getElementById(id);
let root;
const poller = new Poller(refresh, 1500);
const rendered = {};

/** The person signed in: their drafts and chosen table come back as they left them. */
export function person(staff) {
	if (staff.staffNumber === state.staffNumber) return;
	state.staffNumber = staff.staffNumber;
	const saved = loadDrafts(staff.staffNumber);
	state.drafts = new Map();
	for (const [table, draft] of Object.entries(saved?.drafts || {})) {
		const key = new DraftKey();
		key.key = draft.key ?? null;
		key.fingerprint = draft.fingerprint ?? null;
		state.drafts.set(table, { lines: Array.isArray(draft.lines) ? draft.lines : [], key });
	}
	state.table = saved?.table ?? null;
	state.placing = false;
	if (root) {
		rendered.menu = null;
		renderDraft();
		renderOrders();
	}
}

/** Keeps this person's drafts (with their Idempotency-Keys) for the tab (session.js). */
function persist() {
	if (!state.staffNumber) return;
	const drafts = {};
	for (const [table, draft] of state.drafts) {
		if (draft.lines.length) drafts[table] = { lines: draft.lines, key: draft.key.key, fingerprint: draft.key.fingerprint };
	}
	saveDrafts(state.staffNumber, Object.keys(drafts).length || state.table ? { table: state.table, drafts } : null);
}

/** How many tables have a draft not placed yet. */
export function unsentDrafts() {
	return [...state.drafts.values()].filter((d) => d.lines.length).length;
}

/** Sign out: this person's drafts are thrown away. */
export function discardDrafts() {
	state.drafts.clear();
	state.table = null;
	if (state.staffNumber) saveDrafts(state.staffNumber, null);
	state.staffNumber = null;
}

export function init() {
	root = $('floor');
	$('orders-all').addEventListener('change', (e) => {
		state.showAll = e.target.checked;
		renderOrders();
	});
	$('place-order').addEventListener('click', place);
	$('draft-clear').addEventListener('click', () => {
		if (!state.table) return;
		state.drafts.delete(state.table);
		renderDraft();
	});
	renderTables();
	renderDraft();
}

// The menu may have changed while the screen was away (a manager 86ed a dish).
export const { start, stop, refreshNow } = pollingScreen(poller, () => {
	state.menuStale = true;
});

async function refresh() {
	if (state.menuStale || state.beats++ % MENU_EVERY === 0) {
		state.menu = await get('/api/menu');
		state.menuStale = false;
		renderMenu();
	}
	// One call for every active status; while no order changes, the order-service answers
	// 304 and the browser hands over the list it kept (api.js).
	const list = await get(`/api/orders?${ACTIVE.map((s) => `status=${s}`).join('&')}`);
	const active = new Map(list.map((order) => [order.id, order]));
	// Orders we watched that left the active lists: ask once how they ended.
	const gone = [...state.orders.values()].filter((o) => ACTIVE.includes(o.status) && !active.has(o.id));
	const ended = await Promise.all(gone.map((o) => get(`/api/orders/${o.id}`).catch((p) => (p.status === 404 ? null : Promise.reject(p)))));
	for (const order of ended) if (order) active.set(order.id, order);
	for (const order of active.values()) track(order);
	const now = Date.now();
	for (const [id, at] of state.finishedAt) {
		if (now - at > FINISHED_KEPT_MS) {
			state.finishedAt.delete(id);
			state.orders.delete(id);
			state.lastStatus.delete(id);
		}
	}
	renderTables();
	renderOrders();
}

function track(order) {
	const before = state.lastStatus.get(order.id);
	if (before && before !== order.status) state.changed.add(order.id);
	state.lastStatus.set(order.id, order.status);
	state.orders.set(order.id, order);
	if (!ACTIVE.includes(order.status) && !state.finishedAt.has(order.id)) state.finishedAt.set(order.id, Date.now());
}

function draftOf(table) {
	if (!state.drafts.has(table)) state.drafts.set(table, { lines: [], key: new DraftKey() });
	return state.drafts.get(table);
}

// --- tables ---------------------------------------------------------------------------

function renderTables() {
	const byTable = new Map(TABLES.map((t) => [t, []]));
	for (const o of state.orders.values()) {
		if (ACTIVE.includes(o.status)) {
			if (!byTable.has(o.table)) byTable.set(o.table, []);
			byTable.get(o.table).push(o.status);
		}
	}
	const view = [...byTable].map(([t, statuses]) => [t, statuses.sort(), state.drafts.get(t)?.lines.length || 0, t === state.table]);
	if (rendered.tables === signature(view)) return;
	rendered.tables = signature(view);
	replace($('tables'), view.map(([table, statuses, drafted, selected]) => {
		const ready = statuses.filter((s) => s === 'READY').length;
		const open = statuses.length;
		return h('button', {
			type: 'button',
			class: `table${open ? ' has-orders' : ''}${ready ? ' has-ready' : ''}${drafted ? ' has-draft' : ''}`,
			'aria-pressed': String(selected),
			dataset: { table },
			onclick: () => selectTable(table),
		}, h('span', { class: 'table-name' }, table),
		h('span', { class: 'table-state' }, ready ? `${ready} ready` : open ? `${open} open` : drafted ? 'drafting' : 'free'));
	}));
}

function selectTable(table) {
	state.table = table;
	renderTables();
	renderMenu();
	renderDraft();
	renderOrders();
}

// --- menu -----------------------------------------------------------------------------

function renderMenu() {
	const draft = state.table ? draftOf(state.table) : { lines: [] };
	const inDraft = new Map(draft.lines.map((l) => [l.menuItemId, l.quantity]));
	const known = new Set(CATEGORIES.map(([c]) => c));
	const categories = [...CATEGORIES, ...[...new Set(state.menu.map((i) => i.category))].filter((c) => !known.has(c)).map((c) => [c, c])];
	const view = signature([state.menu, state.table, [...inDraft]]);
	if (rendered.menu === view) return;
	rendered.menu = view;
	replace($('menu-items'), categories.map(([category, label]) => {
		const items = state.menu.filter((i) => i.category === category);
		if (!items.length) return null;
		return h('section', { class: 'menu-category', dataset: { category } },
			h('h3', {}, label),
			h('div', { class: 'dishes' }, items.map((item) => h('button', {
				type: 'button',
				class: 'dish',
				dataset: { item: item.id },
				disabled: !item.available || !state.table,
				title: item.available ? `${item.name}, ${money(item.price)}` : `${item.name} is off the menu for now`,
				onclick: () => add(item),
			}, h('span', { class: 'dish-name' }, item.name),
			h('span', { class: 'dish-price' }, item.available ? money(item.price) : 'unavailable'),
			inDraft.get(item.id) ? h('span', { class: 'dish-count' }, `×${inDraft.get(item.id)}`) : null))));
	}));
}

// --- the draft of the selected table --------------------------------------------------

function add(item) {
	if (!state.table || !item.available) return;
	const draft = draftOf(state.table);
	const line = draft.lines.find((l) => l.menuItemId === item.id);
	if (line) line.quantity = Math.min(99, line.quantity + 1);
	else draft.lines.push({ menuItemId: item.id, name: item.name, price: item.price, quantity: 1, note: '' });
	renderDraft();
}

function renderDraft() {
	const table = state.table;
	const draft = table ? draftOf(table) : { lines: [] };
	$('draft-table').textContent = table || '';
	$('draft-empty').hidden = draft.lines.length > 0;
	$('draft-empty').textContent = table ? `Tap dishes on the menu to order for ${table}.` : 'Choose a table, then tap dishes on the menu.';
	replace($('draft-lines'), draft.lines.map((line, i) => h('li', { class: 'draft-line', dataset: { item: line.menuItemId } },
		h('div', { class: 'line-main' },
			h('span', { class: 'line-name', dataset: { field: `items[${i}].menuItemId` } }, line.name),
			h('span', { class: 'line-total' }, money(fromCents(cents(line.price) * line.quantity)))),
		h('div', { class: 'line-edit' },
			h('div', { class: 'stepper' },
				h('button', { type: 'button', class: 'less', 'aria-label': `One ${line.name} less`, onclick: () => step(line, -1) }, '−'),
				h('span', { class: 'qty', dataset: { field: `items[${i}].quantity` } }, String(line.quantity)),
				h('button', { type: 'button', class: 'more', 'aria-label': `One ${line.name} more`, onclick: () => step(line, 1) }, '+')),
			h('input', {
				type: 'text',
				class: 'note',
				placeholder: 'note for the kitchen',
				maxlength: '200',
				value: line.note,
				'aria-label': `Note for ${line.name}`,
				dataset: { field: `items[${i}].note` },
				oninput: (e) => {
					line.note = e.target.value;
					persist();
				},
			})))));
	const total = draft.lines.reduce((sum, l) => sum + cents(l.price) * l.quantity, 0);
	$('draft-total').textContent = money(fromCents(total));
	const button = $('place-order');
	button.disabled = state.placing || !table || !draft.lines.length;
	button.textContent = state.placing ? 'Placing…' : table ? `Place order for ${table}` : 'Place order';
	$('draft-clear').disabled = state.placing || !draft.lines.length;
	persist();
	renderTables();
	renderMenu();
}

function step(line, by) {
	const draft = draftOf(state.table);
	line.quantity = Math.min(99, line.quantity + by);
	if (line.quantity < 1) draft.lines.splice(draft.lines.indexOf(line), 1);
	renderDraft();
}

async function place() {
	const table = state.table;
	const draft = table && draftOf(table);
	if (state.placing || !draft || !draft.lines.length) return;
	const body = {
		table,
		items: draft.lines.map((l) => ({ menuItemId: l.menuItemId, quantity: l.quantity, ...(l.note.trim() ? { note: l.note.trim() } : {}) })),
	};
	// The same draft sent again (a double click, a retry) carries the same key: one order.
	const key = draft.key.for(body);
	state.placing = true;
	renderDraft();
	try {
		const order = await post('/api/orders', body, key);
		state.drafts.delete(table);
		track(order);
		root.dataset.lastOrderId = order.id;
		clearErrors();
		markFields($('draft'), null);
		note(`Order for ${order.table} placed: ${order.items.reduce((n, i) => n + i.quantity, 0)} items, ${money(order.total)}.`);
	}
	catch (problem) {
		state.placing = false;
		renderDraft();
		markFields($('draft'), problem);
		showProblem(problem, `Placing the order for ${table}`);
		// An unknown or unavailable item: the menu changed under the waiter.
		if (problem.status === 422) state.menuStale = true;
		return;
	}
	state.placing = false;
	renderDraft();
	renderOrders();
	poller.now();
}

// --- orders ---------------------------------------------------------------------------

function renderOrders() {
	const all = state.showAll || !state.table;
	const visible = [...state.orders.values()].filter((o) => all || o.table === state.table);
	const active = visible.filter((o) => ACTIVE.includes(o.status)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	const finished = visible.filter((o) => !ACTIVE.includes(o.status))
		.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt)).slice(0, 8);
	const view = [all, state.table, [...active, ...finished].map((o) => [o.id, o.status, o.updatedAt]), [...state.busy], state.confirmCancel, [...state.changed]];
	if (rendered.orders === signature(view)) return;
	rendered.orders = signature(view);
	const list = $('orders');
	replace(list,
		active.length ? active.map(card) : h('p', { class: 'empty' }, all ? 'No open orders.' : `No open orders for ${state.table}.`),
		finished.length ? h('h3', { class: 'finished-head' }, 'Finished') : null,
		finished.map(card));
	state.changed.clear();
}

function card(order) {
	const busy = state.busy.has(order.id);
	const actions = [];
	if (order.status === 'READY') {
		actions.push(h('button', { type: 'button', class: 'primary serve', disabled: busy, onclick: () => act(order, 'serve') }, busy ? 'Serving…' : 'Serve'));
	}
	if (order.status === 'PLACED') {
		const confirming = state.confirmCancel === order.id;
		actions.push(h('button', {
			type: 'button',
			class: `danger cancel${confirming ? ' confirming' : ''}`,
			disabled: busy,
			onclick: () => (confirming ? act(order, 'cancel') : askCancel(order)),
		}, confirming ? 'Tap again to cancel' : 'Cancel'));
	}
	return h('article', {
		class: `order status-${order.status}${state.changed.has(order.id) ? ' changed' : ''}${ACTIVE.includes(order.status) ? '' : ' finished'}`,
		dataset: { orderId: order.id, status: order.status, table: order.table },
	},
	h('div', { class: 'order-head' },
		h('span', { class: 'table-tag' }, order.table),
		h('span', { class: `status status-${order.status}` }, STATUS_TEXT[order.status] || order.status),
		since(order.createdAt, 'ago', { class: 'order-age', title: `placed ${new Date(order.createdAt).toLocaleString()}` })),
	h('ul', { class: 'order-items' }, order.items.map((i) => h('li', {},
		h('span', { class: 'qty' }, `${i.quantity} ×`), ` ${i.name}`,
		i.note ? h('span', { class: 'note' }, i.note) : null))),
	h('div', { class: 'order-foot' }, h('strong', { class: 'order-total' }, money(order.total)), h('div', { class: 'actions' }, actions)));
}

function askCancel(order) {
	state.confirmCancel = order.id;
	renderOrders();
	setTimeout(() => {
		if (state.confirmCancel === order.id) {
			state.confirmCancel = null;
			renderOrders();
		}
	}, 4000);
}

async function act(order, action) {
	if (state.busy.has(order.id)) return;
	state.busy.add(order.id);
	state.confirmCancel = null;
	renderOrders();
	try {
		const updated = await post(`/api/orders/${order.id}/${action}`);
		track(updated);
		clearErrors();
		note(action === 'serve' ? `Served ${order.table}; the bill is open at the cashier.` : `Order for ${order.table} cancelled.`);
	}
	catch (problem) {
		showProblem(problem, `${action === 'serve' ? 'Serving' : 'Cancelling'} the order for ${order.table}`);
	}
	finally {
		state.busy.delete(order.id);
		renderOrders();
		renderTables();
		poller.now();
	}
}
