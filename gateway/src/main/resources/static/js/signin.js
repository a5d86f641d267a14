// The PIN pad: a staff number and a PIN, typed on big keys or on a keyboard. It covers the
// whole page before anyone is signed in, and comes back over the current screen when a
// sign-in ends (the screen below, and any draft on it, stay as they were).

import { Problem, login } from './api.js';
import * as session from './session.js';
import { h, replace } from './ui.js';

const $ = (id) => document.getElementById(id);

const state = {
	active: 'number', // the field the keys type into: 'number' or 'pin'
	busy: false,
	lockedNumber: null, // a number locked after too many wrong PINs, until lockedUntil
	lockedUntil: 0,
	lockTimer: null,
	onSignedIn: () => {},
};

const MAX_DIGITS = 8;

/** onSignedIn(staff) is called after each successful sign-in. */
export function init(onSignedIn) {
	state.onSignedIn = onSignedIn;
	const form = $('signin-form');
	for (const input of [$('signin-number'), $('signin-pin')]) {
		input.addEventListener('focus', () => activate(input === $('signin-number') ? 'number' : 'pin', false));
		// Digits only, whatever is typed or pasted.
		input.addEventListener('input', () => {
			const digits = input.value.replace(/\D/g, '').slice(0, MAX_DIGITS);
			if (digits !== input.value) input.value = digits;
			changed();
		});
	}
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		enter();
	});
	form.querySelectorAll('.keypad [data-key]').forEach((key) => key.addEventListener('click', () => press(key.dataset.key)));
	// Keys typed while a key of the pad has the focus go to the active field.
	// Enter is "Next" or "Sign in" wherever the focus is (the form has no submit button, so
	// a browser would not submit it by itself).
	$('signin').addEventListener('keydown', (e) => {
		if (e.ctrlKey || e.metaKey || e.altKey) return;
		if (e.key === 'Enter') {
			e.preventDefault();
			press('enter');
			return;
		}
		if (e.target instanceof HTMLInputElement) return;
		if (/^\d$/.test(e.key)) press(e.key);
		else if (e.key === 'Backspace') press('back');
		else return;
		e.preventDefault();
	});
}

/**
 * Shows the pad. reason: 'start' (nobody signed in yet), 'expired' (the gateway refused
 * the token of `last`, who signs in again), 'switch' (the next person on a shared
 * tablet), 'signed-out'.
 */
export function open({ reason = 'start', last = null } = {}) {
	const pad = $('signin');
	const wasOpen = !pad.hidden;
	pad.dataset.reason = reason;
	document.body.classList.add('signing-in');
	for (const el of document.querySelectorAll('body > header, body > main')) el.inert = true;
	pad.hidden = false;
	const why = $('signin-why');
	if (reason === 'expired' && last) {
		why.textContent = `${last.name}, your sign-in has ended. Type your PIN to carry on: this screen and your drafts are kept. Someone else? Type your own number.`;
	}
	else if (reason === 'switch') why.textContent = 'Next person: your staff number and PIN.';
	else if (reason === 'signed-out') why.textContent = 'Signed out. Next person: your staff number and PIN.';
	else why.textContent = 'Your staff number and PIN.';
	if (!wasOpen || reason !== 'expired') {
		$('signin-number').value = reason === 'expired' && last ? last.staffNumber : '';
		$('signin-pin').value = '';
		problem(null);
	}
	activate($('signin-number').value ? 'pin' : 'number', true);
	changed();
}

export function close() {
	$('signin').hidden = true;
	document.body.classList.remove('signing-in');
	for (const el of document.querySelectorAll('body > header, body > main')) el.inert = false;
	$('signin-pin').value = '';
}

export const isOpen = () => !$('signin').hidden;

function input(name) {
	return name === 'number' ? $('signin-number') : $('signin-pin');
}

function activate(name, focus) {
	state.active = name;
	for (const field of document.querySelectorAll('#signin .pin-field')) field.classList.toggle('active', field.dataset.step === name);
	if (focus) input(name).focus({ preventScroll: true });
	changed();
}

function press(key) {
	if (state.busy) return;
	const field = input(state.active);
	if (key === 'enter') {
		enter();
		return;
	}
	if (key === 'back') field.value = field.value.slice(0, -1);
	else if (key === 'clear') field.value = '';
	else if (/^\d$/.test(key) && field.value.length < MAX_DIGITS) field.value += key;
	changed();
}

/** "Next" on the number, "Sign in" on the PIN. */
function enter() {
	if (state.busy) return;
	const number = $('signin-number').value;
	if (state.active === 'number' || !number) {
		if (!number) {
			problem({ detail: 'Type your staff number first.', field: 'staffNumber' });
			activate('number', true);
			return;
		}
		problem(null);
		activate('pin', true);
		return;
	}
	submit();
}

function changed() {
	const number = $('signin-number').value;
	const pin = $('signin-pin').value;
	const locked = lockLeft(number) > 0;
	const enterKey = document.querySelector('#signin .keypad [data-key=enter]');
	enterKey.textContent = state.busy ? 'Signing in…' : state.active === 'number' ? 'Next' : 'Sign in';
	enterKey.setAttribute('aria-label', enterKey.textContent);
	enterKey.disabled = state.busy || (state.active === 'pin' && (locked || pin.length < 4 || !number));
}

async function submit() {
	const number = $('signin-number').value;
	const pin = $('signin-pin').value;
	if (lockLeft(number) > 0) return;
	if (pin.length < 4) {
		problem({ detail: 'A PIN has 4 to 8 digits.', field: 'pin' });
		return;
	}
	state.busy = true;
	changed();
	try {
		const answer = await login(number, pin);
		session.signedIn(answer);
		state.busy = false;
		problem(null);
		close();
		state.onSignedIn(answer.staff);
	}
	catch (p) {
		state.busy = false;
		$('signin-pin').value = '';
		if (p.status === 429) {
			state.lockedNumber = number;
			state.lockedUntil = Date.now() + (p.retryAfter || 60) * 1000;
			state.lockDetail = p.detail;
			countDown();
		}
		else {
			problem(p instanceof Problem ? p : new Problem({ status: 0, detail: String(p) }));
		}
		activate('pin', true);
	}
}

function lockLeft(number) {
	if (number !== state.lockedNumber) return 0;
	return Math.max(0, Math.ceil((state.lockedUntil - Date.now()) / 1000));
}

/** The wait a 429 named, counted down; a different number may sign in meanwhile. */
function countDown() {
	clearTimeout(state.lockTimer);
	const left = lockLeft(state.lockedNumber);
	const shown = $('signin-problem');
	if (left <= 0) {
		if (shown.dataset.status === '429') problem({ detail: 'You may try your PIN again now.', status: 'ok' });
		state.lockedNumber = null;
		changed();
		return;
	}
	const m = Math.floor(left / 60);
	const s = String(left % 60).padStart(2, '0');
	problem({
		status: 429,
		title: 'Too many wrong PINs',
		detail: `${state.lockDetail || `Number ${state.lockedNumber} is locked for now.`} Try again in ${m}:${s}.`,
		wait: left,
	});
	changed();
	state.lockTimer = setTimeout(countDown, 1000);
}

/** What went wrong, under the fields: the problem's detail, and the fields it names. */
function problem(p) {
	const box = $('signin-problem');
	box.dataset.status = p?.status ?? '';
	const fields = new Set(p ? [p.field, ...(p.errors || []).map((e) => e.field)].filter(Boolean) : []);
	$('signin-number').setAttribute('aria-invalid', String(fields.has('staffNumber')));
	$('signin-pin').setAttribute('aria-invalid', String(fields.has('pin')));
	if (!p) {
		replace(box);
		return;
	}
	if (p.wait) box.dataset.wait = String(p.wait);
	else delete box.dataset.wait;
	const title = p.status === 401 ? 'Not signed in' : p.title;
	replace(box,
		title && p.status !== 'ok' ? h('strong', {}, title) : null,
		p.detail ? h('span', { class: 'detail' }, ` ${p.detail}`) : null,
		(p.errors || []).length ? h('ul', { class: 'field-errors' }, p.errors.map((e) => h('li', {}, e.message || 'is not valid'))) : null);
}
