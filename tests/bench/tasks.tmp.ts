import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { signedIn } from '../helpers/browser-like';
import { CHROMIUM_LAUNCH } from '../helpers/chromium';
import { startServer } from '../helpers/server';
import { BENCH_SIGN_IN } from './seed-bench';
const programs = JSON.parse(readFileSync('/tmp/cold/meta.json', 'utf8'));
const p = programs.find((x: { pairs: number }) => x.pairs === 2000);
const server = await startServer({ databasePath: '/tmp/cold/bench.db', env: { TANDEM_SCHEDULER: 'off' } });
const staff = await signedIn(server.url, BENCH_SIGN_IN.email, BENCH_SIGN_IN.password);
const browser = await chromium.launch(CHROMIUM_LAUNCH);
for (let run = 0; run < 5; run++) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	await context.addCookies([...staff.cookies].map(([name, value]) => ({ name, value, url: server.url })));
	await context.addInitScript(() => {
		(window as any).__t = [];
		new PerformanceObserver((list) => { for (const e of list.getEntries()) (window as any).__t.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
	});
	const page = await context.newPage();
	if (process.argv[2] === 'noscript') await page.route('**/island.js*', (r) => r.abort());
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await browser.startTracing(page, { path: `/tmp/trace${run}.json`, categories: ['devtools.timeline', 'blink', 'v8'] });
	await page.goto(`${server.url}/programs/${p.id}`, { waitUntil: 'networkidle' });
	await page.waitForTimeout(1000);
	console.log(JSON.stringify(await page.evaluate(() => ({ fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0), tasks: (window as any).__t }))));
	await browser.stopTracing();
	await context.close();
}
await browser.close();
await server.stop();
