// The public API through the gateway (same origin), and what its errors mean to a person.
// Every call carries the signed-in person's token (session.js); a 401 asks for the PIN.

import * as session from './session.js';

/** An error answer (application/problem+json), or no answer at all (status 0). */
export class Problem extends Error {
	constructor({ status = 0, title, detail, errors, retryAfter, ...rest }) {
		super(detail || title || `HTTP ${status}`);
		this.status = status;
		this.title = title || defaultTitle(status);
		this.detail = detail || '';
		this.errors = Array.isArray(errors) ? errors : [];
		this.retryAfter = retryAfter ? Number(retryAfter) : null;
		this.properties = rest;
	}

	/** The fields named in errors[] (e.g. "tendered", "items[0].quantity"). */
	get fields() {
		return this.errors.map((e) => e.field).filter(Boolean);
	}
}

function defaultTitle(status) {
	if (status === 0) return 'The restaurant cannot be reached';
	if (status === 401) return 'Not signed in';
	if (status === 403) return 'Not allowed';
	if (status === 404) return 'Not found';
	if (status === 409) return 'Conflict';
	if (status === 503) return 'Service unavailable';
	return `Error ${status}`;
}

// The server's clock, from the Date header, so that timers on a tablet with a wrong
// clock still count from the kitchen's times. Date has a resolution of one second, so
// offsets below two seconds are taken as noise.
let clockOffset = 0;

export function now() {
	return Date.now() + (Math.abs(clockOffset) > 2000 ? clockOffset : 0);
}

// Who is told when the gateway refuses the token (app.js: the PIN pad comes back).
let signInNeeded = () => {};

/** fn(problem) is called once per refused token, whichever call met the 401 first. */
export function onSignInNeeded(fn) {
	signInNeeded = fn;
}

/**
 * One request. Resolves to the parsed JSON (or text for text/plain), rejects with a
 * Problem. Network failures become a Problem with status 0. The token of the person
 * signed in goes with every call but the sign-in itself ({anonymous: true}); a 401 to a
 * call that carried a token means the token ended (it lives 15 minutes) or was refused:
 * the token is forgotten and the app asks for the PIN, and the call rejects as usual, so
 * that the person can do it again once signed in.
 */
export async function api(method, path, { body, idempotencyKey, anonymous = false } = {}) {
	const headers = { Accept: 'application/json, application/problem+json, text/plain' };
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
	const token = anonymous ? null : session.token();
	if (token) headers.Authorization = `Bearer ${token}`;
	let response;
	try {
		response = await fetch(path, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			// A GET lets the browser check the copy it kept with the server: a polled list
			// that has not changed comes back as 304 (its ETag still holds, docs/api.md,
			// "Polling"), and the browser hands over the copy. It keeps only answers that
			// say so (the polled lists); nothing else is kept.
			cache: method === 'GET' ? 'no-cache' : 'no-store',
		});
	}
	catch (e) {
		throw new Problem({
			status: 0,
			detail: 'No answer from the gateway: check the network; the screen keeps trying.',
		});
	}
	const date = response.headers.get('Date');
	if (date) clockOffset = Date.parse(date) - Date.now();
	const type = response.headers.get('Content-Type') || '';
	if (!response.ok) {
		let problem = {};
		try {
			problem = type.includes('json') ? await response.json() : { detail: (await response.text()).slice(0, 300) };
		}
		catch (e) {
			// an unreadable error body: the status says enough
		}
		const refused = new Problem({ ...problem, status: response.status, retryAfter: response.headers.get('Retry-After') });
		// Only the token sent is forgotten: a newer one may have come while this call ran.
		if (response.status === 401 && !anonymous && (token === null || token === session.token())) {
			session.forget();
			signInNeeded(refused);
		}
		throw refused;
	}
	if (response.status === 204) return null;
	return type.includes('json') ? response.json() : response.text();
}

export const get = (path) => api('GET', path);
export const post = (path, body, idempotencyKey) => api('POST', path, { body, idempotencyKey });
export const put = (path, body) => api('PUT', path, { body });
export const patch = (path, body) => api('PATCH', path, { body });

/** POST /api/staff/login: resolves to {accessToken, tokenType, expiresIn, staff}. */
export const login = (staffNumber, pin) => api('POST', '/api/staff/login', { body: { staffNumber, pin }, anonymous: true });

/** A random UUID; crypto.randomUUID exists only in secure contexts (https, localhost). */
export function newKey() {
	if (globalThis.crypto?.randomUUID) {
		try {
			return crypto.randomUUID();
		}
		catch (e) {
			// not a secure context: fall through
		}
	}
	const b = new Uint8Array(16);
	crypto.getRandomValues(b);
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
	const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The Idempotency-Key of one draft (an order, a payment): the same draft sent twice (a
 * double click, a retry after a lost answer) carries the same key, so the server does it
 * once. A changed draft gets a new key, since the server refuses one key with two bodies.
 * Forget it once the draft has been done.
 */
export class DraftKey {
	key = null;

	fingerprint = null;

	for(body) {
		const fingerprint = JSON.stringify(body);
		if (fingerprint !== this.fingerprint) {
			this.fingerprint = fingerprint;
			this.key = newKey();
		}
		return this.key;
	}

	forget() {
		this.key = null;
		this.fingerprint = null;
	}
}
