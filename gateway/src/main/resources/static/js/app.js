// The front-of-house app: three screens behind one page, chosen by the address's
// fragment (#floor, #kitchen, #cashier) so that each device can bookmark its own. Only
// the screen on show asks the restaurant for news (every 1.5-2 s, through the gateway).

import * as floor from './floor.js';
import * as kitchen from './kitchen.js';
import * as cashier from './cashier.js';
import { refreshTimers } from './ui.js';

const screens = { floor, kitchen, cashier };
const titles = { floor: 'Floor', kitchen: 'Kitchen display', cashier: 'Cashier' };
const started = new Set();
let current = null;

function show() {
	const wanted = location.hash.slice(1);
	const name = Object.hasOwn(screens, wanted) ? wanted : 'floor';
	if (name === current) return;
	if (current) screens[current].stop();
	current = name;
	for (const section of document.querySelectorAll('main > .screen')) section.hidden = section.id !== name;
	for (const link of document.querySelectorAll('nav.screens a')) {
		if (link.dataset.screen === name) link.setAttribute('aria-current', 'page');
		else link.removeAttribute('aria-current');
	}
	document.body.dataset.screen = name;
	document.title = `${titles[name]} · The Restaurant`;
	if (!started.has(name)) {
		screens[name].init();
		started.add(name);
	}
	screens[name].start();
}

window.addEventListener('hashchange', show);
document.addEventListener('visibilitychange', () => {
	if (!document.hidden && current) screens[current].refreshNow();
});
setInterval(() => refreshTimers(), 1000);
show();
