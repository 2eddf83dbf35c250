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
