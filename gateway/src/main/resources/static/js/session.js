// Who is signed in on this tablet: the staff member and their access token.
//
// The token lives in memory and in sessionStorage, so that a reload of the same tab keeps
// the person, while another tab, a closed tab or another device starts signed out. It is
// never written to localStorage, which outlives the tab and is shared by every tab.
// Tokens live 15 minutes; when the gateway answers 401 the app asks for the PIN again
// (see api.js and app.js).

const KEY = 'restaurant.session';
const DRAFTS = 'restaurant.drafts.';

/** What each role may see: the screens of the app, and what it may do on them. */
export const SCREENS_OF = {
	WAITER: ['floor', 'cashier'],
	COOK: ['kitchen'],
	CASHIER: ['cashier'],
	MANAGER: ['floor', 'kitchen', 'cashier', 'manager'],
};

export const ROLE_NAMES = { WAITER: 'Waiter', COOK: 'Cook', CASHIER: 'Cashier', MANAGER: 'Manager' };

let current = read();
let last = null; // who was signed in before forget(), to greet them on the PIN pad

function read() {
	try {
		const stored = JSON.parse(sessionStorage.getItem(KEY) || 'null');
		if (stored && typeof stored.token === 'string' && stored.staff && Array.isArray(stored.staff.roles)) return stored;
	}
	catch (e) {
		// unreadable or unavailable (private mode): signed out
	}
	return null;
}

function write() {
	try {
		if (current) sessionStorage.setItem(KEY, JSON.stringify(current));
		else sessionStorage.removeItem(KEY);
	}
	catch (e) {
		// no sessionStorage: the person stays signed in until the page is reloaded
	}
}

/** The token to send, or null when nobody is signed in. */
export function token() {
	return current?.token ?? null;
}

/** The staff member signed in ({staffNumber, name, roles, active}), or null. */
export function staff() {
	return current?.staff ?? null;
}

/** True once the token's lifetime (as the sign-in said) has run out on this device's clock. */
export function expired() {
	return !!current && typeof current.expiresAt === 'number' && Date.now() >= current.expiresAt;
}

/** Keeps the answer of POST /api/staff/login. */
export function signedIn(answer) {
	current = {
		token: answer.accessToken,
		staff: answer.staff,
		expiresAt: answer.expiresIn ? Date.now() + Number(answer.expiresIn) * 1000 : null,
	};
	write();
}

/** The staff member as GET /api/staff/me answers now (roles may have changed). */
export function refreshed(me) {
	if (!current || !me || me.staffNumber !== current.staff.staffNumber) return;
	current.staff = me;
	write();
}

/** Forgets the token (sign out, switch person, a token the gateway refused). */
export function forget() {
	if (current) last = current.staff;
	current = null;
	write();
}

/** Who was signed in last on this page, once forgotten (null if nobody). */
export function previous() {
	return last;
}

export function has(role) {
	const roles = staff()?.roles || [];
	return roles.includes(role) || roles.includes('MANAGER');
}

/** The screens the signed-in person may see, in the order of the top bar. */
export function screens() {
	const allowed = new Set((staff()?.roles || []).flatMap((r) => SCREENS_OF[r] || []));
	return ['floor', 'kitchen', 'cashier', 'manager'].filter((s) => allowed.has(s));
}

// Drafts (unsent orders) are kept per person in sessionStorage too: a sign-in that ended,
// a reload or a switch of person on a shared tablet loses none of them.

export function loadDrafts(staffNumber) {
	try {
		return JSON.parse(sessionStorage.getItem(DRAFTS + staffNumber) || 'null');
	}
	catch (e) {
		return null;
	}
}

export function saveDrafts(staffNumber, drafts) {
	try {
		if (drafts) sessionStorage.setItem(DRAFTS + staffNumber, JSON.stringify(drafts));
		else sessionStorage.removeItem(DRAFTS + staffNumber);
	}
	catch (e) {
		// kept in memory only
	}
}
