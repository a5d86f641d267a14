// The front-of-house app: four screens behind one page, chosen by the address's
// fragment (#floor, #kitchen, #cashier, #manager) so that each device can bookmark its
// own. Nobody sees a screen before signing in with the PIN pad, and each person sees the
// screens their roles allow (session.js). Only the screen on show asks the restaurant for
// news (every 1.5-2 s, through the gateway).

import * as floor from './floor.js';
import * as kitchen from './kitchen.js';
import * as cashier from './cashier.js';
import * as manager from './manager.js';
import * as signin from './signin.js';
import * as session from './session.js';
import { get, onSignInNeeded } from './api.js';
import { ROLE_NAMES } from './session.js';
import { clearErrors, h, note, refreshTimers, replace } from './ui.js';

const screens = { floor, kitchen, cashier, manager };
const titles = { floor: 'Floor', kitchen: 'Kitchen display', cashier: 'Cashier', manager: 'Manager' };
const started = new Set();
let current = null;
let running = false;

const $ = (id) => document.getElementById(id);

/** Shows the screen the address names, if this person may see it, else their first one. */
function show() {
	if (!session.staff()) return;
	const allowed = session.screens();
	const wanted = location.hash.slice(1);
	const name = allowed.includes(wanted) ? wanted : allowed[0];
	if (!name) {
		// Signed in, but no role with a screen (e.g. no roles left): back to the pad.
		const who = session.staff();
		session.forget();
		signin.open({ reason: 'start' });
		replace($('signin-problem'), h('strong', {}, 'No screen for you'), ` ${who.name} has no role with a screen here; ask a manager.`);
		return;
	}
	if (wanted !== name) history.replaceState(null, '', `#${name}`);
	if (name === current && running) return;
	if (current && running) screens[current].stop();
	current = name;
	for (const section of document.querySelectorAll('main > .screen')) section.hidden = section.id !== name;
	for (const link of document.querySelectorAll('nav.screens a')) {
		link.hidden = !allowed.includes(link.dataset.screen);
		if (link.dataset.screen === name) link.setAttribute('aria-current', 'page');
		else link.removeAttribute('aria-current');
	}
	document.body.dataset.screen = name;
	document.title = `${titles[name]} · The Restaurant`;
	if (!started.has(name)) {
		screens[name].init();
		started.add(name);
	}
	running = true;
	screens[name].start();
}

/** Stops the screen on show (its polls would only meet 401 while nobody is signed in). */
function pause() {
	if (current && running) screens[current].stop();
	running = false;
}

/** The person signed in, in the top bar, and what the screens let them do. */
function welcome(staff) {
	$('who').hidden = false;
	$('who-name').textContent = staff.name;
	$('who-detail').textContent = `${staff.staffNumber} · ${staff.roles.map((r) => ROLE_NAMES[r] || r).join(', ')}`;
	$('who').dataset.staffNumber = staff.staffNumber;
	$('who').title = `Signed in: ${staff.name} (${staff.staffNumber})`;
	resetSignOut();
	for (const screen of Object.values(screens)) screen.person?.(staff);
	for (const link of document.querySelectorAll('nav.screens a')) link.hidden = !session.screens().includes(link.dataset.screen);
}

function signedIn(staff) {
	welcome(staff);
	clearSignInErrors();
	note(`Signed in: ${staff.name}.`);
	running = false;
	show();
	// The focus leaves the pad for the screen the person is on.
	document.querySelector('nav.screens a[aria-current=page]')?.focus({ preventScroll: true });
}

/** Errors that only said "sign in again" are done with once someone has. */
function clearSignInErrors() {
	document.querySelectorAll('#messages .message.error[data-status="401"]').forEach((m) => {
		m.classList.add('resolved');
		m.querySelector('.retry-hint')?.replaceChildren(' Signed in again: do it once more if it is still needed.');
	});
}

function away(reason) {
	const last = session.staff() || session.previous();
	pause();
	session.forget();
	// What was said to the last person is not for the next one; a sign-in that ended keeps it.
	if (reason === 'expired') clearErrors();
	else $('messages').replaceChildren();
	if (reason !== 'expired') $('who').hidden = true;
	const light = $('connection');
	light.dataset.state = 'down';
	light.textContent = 'Signed out';
	signin.open({ reason, last });
}

// Sign out asks again when it would throw away unsent drafts.
let confirmTimer = null;

function signOut() {
	const button = $('sign-out');
	const drafts = floor.unsentDrafts();
	if (drafts && button.dataset.confirm !== 'true') {
		button.dataset.confirm = 'true';
		button.classList.add('confirming');
		button.textContent = `Tap again: ${drafts} unsent ${drafts === 1 ? 'draft' : 'drafts'} will be lost`;
		confirmTimer = setTimeout(resetSignOut, 4000);
		return;
	}
	floor.discardDrafts();
	resetSignOut();
	away('signed-out');
}

function resetSignOut() {
	clearTimeout(confirmTimer);
	const button = $('sign-out');
	button.dataset.confirm = 'false';
	button.classList.remove('confirming');
	button.textContent = 'Sign out';
}

signin.init(signedIn);
onSignInNeeded(() => {
	if (!signin.isOpen()) away('expired');
});
$('switch-person').addEventListener('click', () => away('switch'));
$('sign-out').addEventListener('click', signOut);
window.addEventListener('hashchange', show);
document.addEventListener('visibilitychange', () => {
	if (!document.hidden && current && running) screens[current].refreshNow();
});
setInterval(() => refreshTimers(), 1000);

// A reload of the same tab keeps the person (sessionStorage), unless the token has run out.
const stored = session.staff();
if (stored && !session.expired()) {
	welcome(stored);
	show();
	// Roles may have changed since the sign-in; a refused token brings the pad (api.js).
	get('/api/staff/me').then((me) => {
		session.refreshed(me);
		if (session.staff()) {
			welcome(session.staff());
			if (!session.screens().includes(current)) pause();
			show();
		}
	}, () => {});
}
else if (stored) {
	welcome(stored);
	away('expired');
}
else {
	signin.open({ reason: 'start' });
}
