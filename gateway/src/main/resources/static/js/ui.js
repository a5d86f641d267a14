// Small DOM helpers shared by the screens. Elements are built with the DOM API, never
// from HTML strings, so names and notes typed by people are always shown as text.

import { now } from './api.js';

/** h('div', {class: 'x', dataset: {id: 1}, onclick}, child, 'text', [more]) */
export function h(tag, attrs = {}, ...children) {
	const el = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs || {})) {
		if (value === undefined || value === null || value === false) continue;
		if (name === 'class') el.className = value;
		else if (name === 'dataset') Object.assign(el.dataset, value);
		else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
		else if (name === 'text') el.textContent = value;
		else if (value === true) el.setAttribute(name, '');
		else if (name in el && typeof value !== 'string') el[name] = value;
		else el.setAttribute(name, value);
	}
	append(el, children);
	return el;
}

function append(el, children) {
	for (const child of children) {
		if (child === undefined || child === null || child === false) continue;
		if (Array.isArray(child)) append(el, child);
		else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
	}
}

export function replace(el, ...children) {
	el.replaceChildren();
	append(el, children);
}

// Money: JSON numbers with two decimals; arithmetic is done in whole cents.
export const cents = (amount) => Math.round(Number(amount) * 100);
export const fromCents = (c) => Math.round(c) / 100;

/** "12.90"; with a currency code, e.g. "€12.90". */
export function money(amount, currency) {
	const value = Number(amount ?? 0);
	if (!currency) return value.toFixed(2);
	try {
		return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value);
	}
	catch (e) {
		return `${value.toFixed(2)} ${currency}`;
	}
}

/** A typed amount ("12", "12.5", "12,50") in cents, or null if it is not one. */
export function parseCents(text) {
	const t = String(text ?? '').trim().replace(',', '.');
	if (!/^\d{1,7}(\.\d{0,2})?$/.test(t)) return null;
	return Math.round(Number(t) * 100);
}

export function clock(iso) {
	if (!iso) return '';
	return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Seconds since an instant, by the server's clock. */
export function secondsSince(iso) {
	return Math.max(0, Math.floor((now() - Date.parse(iso)) / 1000));
}

/** "0:42", "12:05", "1:02:03": a kitchen timer. */
export function timer(seconds) {
	const s = seconds % 60;
	const m = Math.floor(seconds / 60) % 60;
	const hours = Math.floor(seconds / 3600);
	const mm = hours ? String(m).padStart(2, '0') : String(m);
	return `${hours ? `${hours}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "just now", "4 min ago", "2 h ago" */
export function ago(seconds) {
	if (seconds < 45) return 'just now';
	if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
	return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min ago`;
}

/**
 * An element whose text counts up from an instant; refreshTimers() updates them all
 * every second without re-rendering anything else.
 */
export function since(iso, style = 'timer', attrs = {}) {
	const el = h('span', { ...attrs, class: `since ${attrs.class || ''}`.trim(), dataset: { since: iso, style } });
	updateSince(el);
	return el;
}

function updateSince(el) {
	const seconds = secondsSince(el.dataset.since);
	el.textContent = el.dataset.style === 'ago' ? ago(seconds) : timer(seconds);
	const late = Number(el.dataset.lateAfter || 0);
	if (late) el.closest('.ticket')?.classList.toggle('late', seconds > late);
}

export function refreshTimers(root = document) {
	root.querySelectorAll('[data-since]').forEach(updateSince);
}

// Messages: one line each; errors stay until dismissed or replaced, notes fade away.

const messages = () => document.getElementById('messages');

export function note(text) {
	show(h('div', { class: 'message ok', role: 'status' }, text), 4000);
}

/**
 * Shows a problem as a person reads it: what failed, the title and detail, and each
 * field named in errors[]. Returns the message element.
 */
export function showProblem(problem, doing) {
	const parts = [];
	const title = problem.title || 'Something went wrong';
	parts.push(h('strong', {}, doing ? `${doing}: ${title}` : title));
	if (problem.detail && problem.detail !== title) parts.push(h('span', { class: 'detail' }, ` ${problem.detail}`));
	if (problem.errors?.length) {
		parts.push(h('ul', { class: 'field-errors' },
			problem.errors.map((e) => h('li', { dataset: { field: e.field || '' } },
				e.field ? h('code', {}, e.field) : null, e.field ? ' ' : null, e.message || 'is not valid'))));
	}
	if (problem.retryAfter) parts.push(h('span', { class: 'retry' }, ` Try again in ${problem.retryAfter} s.`));
	// A sign-in that ended: nothing was done; once signed in again, the person does it again.
	if (problem.status === 401) parts.push(h('span', { class: 'retry-hint' }, ' Sign in again, then do it once more.'));
	const el = h('div', { class: 'message error', role: 'alert', dataset: { status: problem.status ?? '' } }, parts);
	show(el, 0);
	return el;
}

function show(el, fadeAfter) {
	const box = messages();
	el.append(h('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss', onclick: () => el.remove() }, '×'));
	// One error at a time: the newest replaces the older ones.
	if (el.classList.contains('error')) box.querySelectorAll('.message.error').forEach((m) => m.remove());
	box.prepend(el);
	while (box.children.length > 3) box.lastElementChild.remove();
	if (fadeAfter) setTimeout(() => el.remove(), fadeAfter);
}

export function clearErrors() {
	messages().querySelectorAll('.message.error').forEach((m) => m.remove());
}

/** Marks the inputs whose field a problem names (aria-invalid), clears the others. */
export function markFields(form, problem) {
	const named = new Set(problem ? (problem.errors || []).map((e) => e.field).filter(Boolean) : []);
	form.querySelectorAll('[data-field]').forEach((input) => {
		if (named.has(input.dataset.field)) input.setAttribute('aria-invalid', 'true');
		else input.removeAttribute('aria-invalid');
	});
}

/**
 * Shows a problem on a form, next to what it is about: its title and detail in the
 * form's [data-problem] box, each message of errors[] after the input of that field
 * ([data-field]), which is marked aria-invalid and described by its message. A problem
 * of null clears them.
 */
export function formProblem(form, problem) {
	markFields(form, problem);
	form.querySelectorAll('.field-error').forEach((e) => e.remove());
	form.querySelectorAll('[data-field][aria-describedby]').forEach((input) => input.removeAttribute('aria-describedby'));
	const box = form.querySelector('[data-problem]');
	if (box) {
		box.replaceChildren();
		box.hidden = !problem;
	}
	if (!problem) return;
	const unplaced = [];
	for (const error of problem.errors || []) {
		const input = error.field && [...form.querySelectorAll('[data-field]')].find((i) => i.dataset.field === error.field);
		if (!input) {
			unplaced.push(error);
			continue;
		}
		const id = `error-${Math.random().toString(36).slice(2)}`;
		input.setAttribute('aria-describedby', id);
		const message = h('span', { class: 'field-error', id, dataset: { errorFor: error.field } }, error.message || 'is not valid');
		const holder = input.closest('label, fieldset');
		if (holder) holder.append(message);
		else input.after(message);
	}
	if (box) {
		append(box, [h('strong', {}, problem.title || 'Something went wrong'),
			problem.detail && problem.detail !== problem.title ? h('span', { class: 'detail' }, ` ${problem.detail}`) : null,
			unplaced.length ? h('ul', { class: 'field-errors' }, unplaced.map((e) => h('li', {}, e.field ? h('code', {}, e.field) : null, ' ', e.message))) : null,
			problem.status === 401 ? h('span', { class: 'retry-hint' }, ' Sign in again, then do it once more.') : null]);
	}
}

// The connection light in the top bar.

export function connection(ok, problem) {
	const el = document.getElementById('connection');
	el.dataset.state = ok ? 'live' : 'down';
	el.textContent = ok ? `Live · ${new Date().toLocaleTimeString()}` : problem?.status === 401 ? 'Signed out'
		: (problem?.status === 0 ? 'Offline, retrying…' : `${problem?.title || 'Error'}, retrying…`);
	el.title = ok ? 'Updated from the restaurant' : (problem?.detail || '');
}

/**
 * Calls refresh() now and then every intervalMs while started, one call at a time; a
 * failed refresh turns the connection light red and is tried again at the next beat.
 */
export class Poller {
	constructor(refresh, intervalMs) {
		this.refresh = refresh;
		this.intervalMs = intervalMs;
		this.timer = null;
		this.running = false;
		this.busy = null;
	}

	start() {
		if (this.running) return;
		this.running = true;
		this.now();
	}

	stop() {
		this.running = false;
		clearTimeout(this.timer);
	}

	/** Refreshes at once (after an action), then keeps the beat. */
	async now() {
		clearTimeout(this.timer);
		if (this.busy) {
			this.again = true;
			return this.busy;
		}
		this.busy = (async () => {
			try {
				await this.refresh();
				connection(true);
			}
			catch (problem) {
				connection(false, problem);
				if (!(problem?.status >= 0)) console.error(problem);
			}
		})();
		await this.busy;
		this.busy = null;
		if (this.again) {
			this.again = false;
			return this.now();
		}
		if (this.running) this.timer = setTimeout(() => this.now(), document.hidden ? this.intervalMs * 5 : this.intervalMs);
	}
}

/**
 * What app.js asks of a screen that polls (start, stop, refreshNow), over its poller;
 * onStart runs at each start, before the first refresh, to mark what the screen must
 * read again now that it is back on show.
 */
export function pollingScreen(poller, onStart) {
	return {
		start() {
			onStart();
			poller.start();
		},
		stop: () => poller.stop(),
		refreshNow: () => poller.now(),
	};
}

/** A stable text of some data, to skip re-rendering what has not changed. */
export const signature = (data) => JSON.stringify(data);
