// The manager's screen: the menu (prices, 86 a dish and back, new dishes), the staff
// (add, roles, reset a PIN, deactivate and reactivate) and the live view of the
// restaurant's figures (live.js). The menu and the staff are read on show and after each
// change, and not polled: a form being typed in is never redrawn under the manager's
// fingers; only the live view polls, while it is on show. The server's problems are shown on the form they are about, each field's
// message next to its input.

import { get, patch, post, put } from './api.js';
import * as live from './live.js';
import * as session from './session.js';
import { ROLE_NAMES } from './session.js';
import { clearErrors, connection, formProblem, fromCents, h, money, note, parseCents, replace, showProblem } from './ui.js';

const CATEGORIES = [['STARTER', 'Starter'], ['MAIN', 'Main'], ['DESSERT', 'Dessert'], ['DRINK', 'Drink']];
const ROLES = ['WAITER', 'COOK', 'CASHIER', 'MANAGER'];

const state = {
	tab: 'menu',
	menu: [],
	staff: [],
	loading: null,
};

const $ = (id) => document.getElementById(id);

export function init() {
	listTab($('manager-menu'), { box: 'menu-admin-box', title: 'The menu', hint: 'change a price, 86 a dish', list: 'menu-admin', loading: 'Loading the menu…', form: 'new-item', adds: 'New dish' });
	listTab($('manager-staff'), { box: 'staff-admin-box', title: 'Staff', hint: 'roles, PINs, who may sign in', list: 'staff-list', loading: 'Loading the staff…', form: 'new-staff', adds: 'New staff member' });
	$('tab-menu').addEventListener('click', () => tab('menu'));
	$('tab-staff').addEventListener('click', () => tab('staff'));
	$('tab-live').addEventListener('click', () => tab('live'));
	$('manager-reload').addEventListener('click', () => load());
	buildNewItem();
	buildNewStaff();
}

export const start = () => load();
export const stop = () => live.stop();
export const refreshNow = () => load();

function tab(name) {
	state.tab = name;
	for (const each of ['menu', 'staff', 'live']) {
		$(`tab-${each}`).setAttribute('aria-selected', String(name === each));
		$(`manager-${each}`).hidden = name !== each;
	}
	load();
}

async function load() {
	if (state.tab === 'live') return live.start();
	live.stop();
	if (state.loading) return state.loading;
	state.loading = (async () => {
		try {
			if (state.tab === 'menu') {
				state.menu = await get('/api/menu');
				renderMenu();
			}
			else {
				state.staff = await get('/api/staff');
				renderStaff();
			}
			formProblem($(state.tab === 'menu' ? 'menu-admin-box' : 'staff-admin-box'), null);
			$('manager').dataset.loaded = state.tab;
			connection(true);
		}
		catch (problem) {
			connection(false, problem);
			formProblem($(state.tab === 'menu' ? 'menu-admin-box' : 'staff-admin-box'), problem);
		}
	})();
	await state.loading;
	state.loading = null;
}

/** A tab of the things a manager changes: their list in a panel with its problem line, and the form that adds one. */
function listTab(tab, { box, title, hint, list, loading, form, adds }) {
	replace(tab,
		h('div', { id: box, class: 'panel admin-panel' },
			h('div', { class: 'panel-head' }, h('h2', {}, title), h('span', { class: 'hint' }, hint)),
			problemLine(),
			h('div', { id: list, class: 'admin-list' }, h('p', { class: 'empty' }, loading))),
		h('form', { id: form, class: 'panel admin-form', 'aria-label': adds }));
}

/** Where formProblem() shows what the server said was wrong with a form. */
function problemLine() {
	return h('div', { class: 'form-problem', dataset: { problem: '' }, role: 'alert', hidden: true });
}

/**
 * Builds the form that adds a dish or a staff member: a title, its fields, the problem
 * line and one button. On submit, add(data) is called with what was typed.
 */
function addingForm(form, title, fields, button, add) {
	replace(form,
		h('h2', {}, title),
		h('div', { class: 'row-fields' }, fields),
		problemLine(),
		h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: button.id }, button.text)));
	form.noValidate = true;
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		add(new FormData(form));
	});
}

/** A labelled input; field names the body's field, for the server's errors[]. */
function field(label, name, value, attrs = {}) {
	return h('label', { class: `field field-${name}` }, h('span', { class: 'field-label' }, label),
		h('input', { type: 'text', name, value: value ?? '', autocomplete: 'off', dataset: { field: name }, ...attrs }));
}

function categorySelect(value) {
	return h('label', { class: 'field field-category' }, h('span', { class: 'field-label' }, 'Category'),
		h('select', { name: 'category', dataset: { field: 'category' } },
			CATEGORIES.map(([c, label]) => h('option', { value: c, selected: c === value }, label))));
}

function roleBoxes(roles, name) {
	return h('fieldset', { class: 'field roles', dataset: { field: 'roles' } },
		h('legend', { class: 'field-label' }, 'Roles'),
		ROLES.map((role) => h('label', { class: 'check' },
			h('input', { type: 'checkbox', name, value: role, checked: roles.includes(role), dataset: { role } }), ROLE_NAMES[role])));
}

/** A typed price as a number with two decimals, or the text itself for the server to refuse. */
function price(text) {
	const c = parseCents(text);
	return c == null ? String(text).trim() : fromCents(c);
}

function whole(text) {
	const t = String(text).trim();
	return /^\d+$/.test(t) ? Number(t) : t;
}

/** Runs a change; shows what went wrong on the form, or returns the answer. */
async function change(form, doing, call) {
	const buttons = [...form.querySelectorAll('button')];
	buttons.forEach((b) => { b.disabled = true; });
	try {
		const answer = await call();
		formProblem(form, null);
		clearErrors();
		// An answer without a body (204) is still a success.
		return answer ?? {};
	}
	catch (problem) {
		formProblem(form, { status: problem.status, title: `${doing}: ${problem.title}`, detail: problem.detail, errors: problem.errors });
		// The rows are redrawn once signed in again (what was typed stays): this says what to do again.
		if (problem.status === 401) showProblem(problem, doing);
		return undefined;
	}
	finally {
		buttons.forEach((b) => { b.disabled = false; });
	}
}

// --- the menu -------------------------------------------------------------------------

function renderMenu() {
	keepingWhatIsTyped($('menu-admin'), 'item', () => replace($('menu-admin'),
		state.menu.length ? state.menu.map(menuRow) : h('p', { class: 'empty' }, 'The menu is empty.')));
}

/**
 * Redraws the rows of a list, and puts back what the manager had typed in them and not
 * saved yet (a save refused because the sign-in had ended, say): rows are told apart by
 * their dataset[key], inputs by name.
 */
function keepingWhatIsTyped(list, key, redraw) {
	const typed = new Map();
	for (const input of list.querySelectorAll('input, select')) {
		const row = input.closest('.admin-row')?.dataset[key];
		if (row === undefined) continue;
		const changed = input.type === 'checkbox' ? input.checked !== input.defaultChecked
			: input.tagName === 'SELECT' ? !input.selectedOptions[0]?.defaultSelected : input.value !== input.defaultValue;
		if (changed) typed.set(`${row}|${input.name}|${input.value}`, input.type === 'checkbox' ? input.checked : input.value);
	}
	redraw();
	if (!typed.size) return;
	for (const input of list.querySelectorAll('input, select')) {
		const row = input.closest('.admin-row')?.dataset[key];
		const id = `${row}|${input.name}|`;
		for (const [k, value] of typed) {
			if (!k.startsWith(id)) continue;
			if (input.type === 'checkbox') {
				if (k === id + input.value) input.checked = value;
			}
			else input.value = value;
		}
	}
}

function menuRow(item) {
	const form = h('form', {
		class: `admin-row menu-row${item.available ? '' : ' off'}`,
		dataset: { item: item.id, available: String(item.available) },
		'aria-label': item.name,
		novalidate: true,
	},
	h('div', { class: 'row-head' },
		h('strong', { class: 'row-title' }, item.name),
		h('code', { class: 'row-id' }, item.id),
		h('span', { class: `badge ${item.available ? 'on' : 'off'}` }, item.available ? `${money(item.price)} · on the menu` : '86ed · off the menu')),
	h('div', { class: 'row-fields' },
		field('Name', 'name', item.name, { maxlength: '80' }),
		categorySelect(item.category),
		field('Price', 'price', Number(item.price).toFixed(2), { inputmode: 'decimal' }),
		field('Prep (s)', 'prepSeconds', String(item.prepSeconds), { inputmode: 'numeric' })),
	problemLine(),
	h('div', { class: 'actions' },
		h('button', {
			type: 'button',
			class: item.available ? 'danger eighty-six' : 'secondary back-on',
			onclick: () => setAvailable(form, item, !item.available),
		}, item.available ? `86 ${item.name}` : 'Back on the menu'),
		h('button', { type: 'submit', class: 'primary save' }, 'Save')));
	form.addEventListener('submit', async (e) => {
		e.preventDefault();
		const data = new FormData(form);
		const body = { name: String(data.get('name')).trim(), category: data.get('category'), price: price(data.get('price')), prepSeconds: whole(data.get('prepSeconds')) };
		const saved = await change(form, `Saving ${item.name}`, () => put(`/api/menu/${encodeURIComponent(item.id)}`, body));
		if (saved) {
			const fresh = saved.id ? saved : { ...item, ...body };
			replaced(item, fresh);
			note(`${fresh.name}: ${money(fresh.price)}, ${fresh.prepSeconds} s.`);
		}
	});
	return form;
}

async function setAvailable(form, item, available) {
	let saved = await change(form, available ? `Putting ${item.name} back` : `Taking ${item.name} off`,
		() => patch(`/api/menu/${encodeURIComponent(item.id)}`, { available }));
	if (saved) {
		if (!saved.id) saved = { ...item, available };
		replaced(item, saved);
		note(saved.available ? `${saved.name} is back on the menu.` : `${saved.name} is 86ed: off the menu.`);
	}
}

/** One row redrawn with the server's answer; the others keep what is typed in them. */
function replaced(item, saved) {
	const index = state.menu.findIndex((i) => i.id === item.id);
	if (index >= 0) state.menu[index] = saved;
	else state.menu.push(saved);
	const row = document.querySelector(`#menu-admin .menu-row[data-item="${CSS.escape(item.id)}"]`);
	const fresh = menuRow(saved);
	if (row) row.replaceWith(fresh);
	else $('menu-admin').append(fresh);
}

function buildNewItem() {
	const form = $('new-item');
	addingForm(form, 'New dish', [
		field('Id', 'id', '', { placeholder: 'e.g. lasagne', maxlength: '40', autocapitalize: 'none' }),
		field('Name', 'name', '', { maxlength: '80' }),
		categorySelect('MAIN'),
		field('Price', 'price', '', { inputmode: 'decimal', placeholder: '12.50' }),
		field('Prep (s)', 'prepSeconds', '', { inputmode: 'numeric', placeholder: '600' }),
	], { id: 'add-item', text: 'Add to the menu' }, async (data) => {
		const body = {
			id: String(data.get('id')).trim(),
			name: String(data.get('name')).trim(),
			category: data.get('category'),
			price: price(data.get('price')),
			prepSeconds: whole(data.get('prepSeconds')),
			available: true,
		};
		const added = await change(form, 'Adding the dish', () => post('/api/menu', body));
		if (added) {
			form.reset();
			state.menu.push(added);
			const row = menuRow(added);
			$('menu-admin').append(row);
			note(`${added.name} is on the menu at ${money(added.price)}.`);
		}
	});
}

// --- the staff ------------------------------------------------------------------------

function renderStaff() {
	const sorted = [...state.staff].sort((a, b) => (a.active === b.active ? a.staffNumber.localeCompare(b.staffNumber, undefined, { numeric: true }) : a.active ? -1 : 1));
	keepingWhatIsTyped($('staff-list'), 'staffNumber', () => replace($('staff-list'),
		sorted.length ? sorted.map(staffRow) : h('p', { class: 'empty' }, 'Nobody yet.')));
}

function staffRow(person) {
	const me = person.staffNumber === session.staff()?.staffNumber;
	const form = h('form', {
		class: `admin-row staff-row${person.active ? '' : ' off'}`,
		dataset: { staffNumber: person.staffNumber, active: String(person.active) },
		'aria-label': `${person.name} (${person.staffNumber})`,
		novalidate: true,
	},
	h('div', { class: 'row-head' },
		h('strong', { class: 'row-title' }, person.name),
		h('code', { class: 'row-id' }, person.staffNumber),
		h('span', { class: `badge ${person.active ? 'on' : 'off'}` }, person.active ? person.roles.map((r) => ROLE_NAMES[r] || r).join(', ') : 'deactivated'),
		me ? h('span', { class: 'badge you' }, 'you') : null),
	h('div', { class: 'row-fields' },
		field('Name', 'name', person.name, { maxlength: '80' }),
		roleBoxes(person.roles, `roles-${person.staffNumber}`),
		h('div', { class: 'pin-reset' },
			field('New PIN', 'pin', '', { type: 'password', inputmode: 'numeric', maxlength: '8', placeholder: '4-8 digits', autocomplete: 'new-password' }),
			h('button', { type: 'button', class: 'secondary reset-pin', onclick: () => resetPin(form, person) }, 'Reset PIN'))),
	problemLine(),
	h('div', { class: 'actions' },
		h('button', {
			type: 'button',
			class: person.active ? 'danger deactivate' : 'secondary reactivate',
			disabled: me && person.active,
			title: me && person.active ? 'You cannot deactivate yourself while signed in' : null,
			onclick: () => update(form, person, { active: !person.active }, person.active ? `Deactivating ${person.name}` : `Reactivating ${person.name}`),
		}, person.active ? 'Deactivate' : 'Reactivate'),
		h('button', { type: 'submit', class: 'primary save' }, 'Save name and roles')));
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		const data = new FormData(form);
		update(form, person, { name: String(data.get('name')).trim(), roles: data.getAll(`roles-${person.staffNumber}`) }, `Saving ${person.name}`);
	});
	return form;
}

function resetPin(form, person) {
	const pin = form.querySelector('input[name=pin]').value.trim();
	if (!/^\d{4,8}$/.test(pin)) {
		formProblem(form, { title: 'Not a PIN', detail: 'A PIN has 4 to 8 digits.', errors: [{ field: 'pin', message: 'must be 4 to 8 digits' }], fields: ['pin'] });
		return;
	}
	update(form, person, { pin }, `Resetting the PIN of ${person.name}`, `${person.name} has a new PIN.`);
}

async function update(form, person, body, doing, done) {
	const saved = await change(form, doing, () => patch(`/api/staff/${encodeURIComponent(person.staffNumber)}`, body));
	if (!saved) return;
	const index = state.staff.findIndex((s) => s.staffNumber === person.staffNumber);
	const { pin, ...rest } = body;
	const fresh = saved.staffNumber ? saved : { ...person, ...rest };
	if (index >= 0) state.staff[index] = fresh;
	form.replaceWith(staffRow(fresh));
	note(done || (body.active === false ? `${fresh.name} is deactivated: new sign-ins fail now; a sign-in already made ends within 15 minutes.`
		: body.active === true ? `${fresh.name} may sign in again.` : `${fresh.name} saved.`));
}

function buildNewStaff() {
	const form = $('new-staff');
	addingForm(form, 'New staff member', [
		field('Staff number', 'staffNumber', '', { inputmode: 'numeric', maxlength: '8' }),
		field('Name', 'name', '', { maxlength: '80' }),
		roleBoxes(['WAITER'], 'roles'),
		field('PIN', 'pin', '', { type: 'password', inputmode: 'numeric', maxlength: '8', placeholder: '4-8 digits', autocomplete: 'new-password' }),
	], { id: 'add-staff', text: 'Add' }, async (data) => {
		const body = {
			staffNumber: String(data.get('staffNumber')).trim(),
			name: String(data.get('name')).trim(),
			roles: data.getAll('roles'),
			pin: String(data.get('pin')).trim(),
		};
		const added = await change(form, 'Adding a staff member', () => post('/api/staff', body));
		if (added) {
			form.reset();
			state.staff.push(added);
			renderStaff();
			note(`${added.name} (${added.staffNumber}) may sign in now.`);
		}
	});
}
