import { chromium } from '@playwright/test';
import type { Visitor } from '../helpers/browser-like';

export interface PageWeight {
	/** Every byte received, headers included, as sent over the wire (compressed where served so). */
	bytes: number;
	requests: number;
}

/** The e2e setup's Chromium (playwright.config.ts): the machine's own, never a download. */
const LAUNCH = {
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};

/**
 * What a cold-cache Chromium transfers to show one page as `visitor` (its cookies copied in),
 * counted from the DevTools protocol: encodedDataLength of every finished load.
 */
export async function measurePageWeight(visitor: Visitor, path: string): Promise<PageWeight> {
	const browser = await chromium.launch(LAUNCH);
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
