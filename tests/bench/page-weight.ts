import { chromium } from '@playwright/test';
import type { Visitor } from '../helpers/browser-like';
import { CHROMIUM_LAUNCH } from '../helpers/chromium';

export interface PageWeight {
	/** Every byte received, headers included, as sent over the wire (compressed where served so). */
	bytes: number;
	requests: number;
}

/**
 * What a cold-cache Chromium transfers to show one page as `visitor` (its cookies copied in),
 * counted from the DevTools protocol: encodedDataLength of every finished load.
 */
export async function measurePageWeight(visitor: Visitor, path: string): Promise<PageWeight> {
	const browser = await chromium.launch(CHROMIUM_LAUNCH);
	try {
		const context = await browser.newContext();
		await context.addCookies(
			[...visitor.cookies].map(([name, value]) => ({ name, value, url: visitor.baseUrl }))
		);
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		let bytes = 0;
		let requests = 0;
		cdp.on('Network.requestWillBeSent', () => (requests += 1));
		cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
		const response = await page.goto(`${visitor.baseUrl}${path}`, { waitUntil: 'networkidle' });
		if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
		return { bytes, requests };
	} finally {
		await browser.close();
	}
}

/** Long tasks of the page's main thread, as the browser reports them, and its first paint. */
declare global {
	interface Window {
		__longTasks?: { start: number; duration: number }[];
	}
}

/**
 * Total blocking time of one page as Lighthouse defines it (every long task after the first
 * contentful paint, less its first 50 ms), in a cold Chromium whose CPU runs `slowdown` times
 * slower (DevTools protocol), until the network has been idle and the page quiet for a second.
 * The median of `runs` loads.
 */
export async function measureTotalBlockingTime(
	visitor: Visitor,
	path: string,
	{ slowdown = 4, runs = 3 } = {}
): Promise<number> {
	const browser = await chromium.launch(CHROMIUM_LAUNCH);
	try {
		const times: number[] = [];
		for (let run = 0; run < runs; run++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			await context.addCookies(
				[...visitor.cookies].map(([name, value]) => ({ name, value, url: visitor.baseUrl }))
			);
			await context.addInitScript(() => {
				window.__longTasks = [];
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries())
						window.__longTasks!.push({ start: entry.startTime, duration: entry.duration });
				}).observe({ type: 'longtask', buffered: true });
			});
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
			const response = await page.goto(`${visitor.baseUrl}${path}`, { waitUntil: 'networkidle' });
			if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
			await page.waitForTimeout(1000);
			times.push(
				await page.evaluate(() => {
					const paint = performance.getEntriesByName('first-contentful-paint')[0];
					const after = paint?.startTime ?? 0;
					return (window.__longTasks ?? [])
						.filter((task) => task.start >= after)
						.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
				})
			);
			await context.close();
		}
		return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
	} finally {
		await browser.close();
	}
}
