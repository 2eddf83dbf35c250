import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Route } from './accessibility-pages';

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs every axe-core rule on the page as it stands and returns its serious and critical
 * violations, one readable line each: where, which rule, what to fix and the first elements.
 */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
	// Legacy mode runs axe.run in the page itself (same-origin frames included); the default opens
	// a blank page per check to merge the results of cross-origin frames, which Tandem has none of,
	// and took about twice as long.
	const { violations } = await new AxeBuilder({ page })
		.options({ resultTypes: ['violations'] })
		.setLegacyMode()
		.analyze();
	return violations
		.filter((violation) => BLOCKING.has(violation.impact ?? ''))
		.map((violation) => {
			const targets = violation.nodes
				.slice(0, 3)
				.map((node) => node.target.join(' '))
				.join(' | ');
			const more = violation.nodes.length > 3 ? ` (+${violation.nodes.length - 3} more)` : '';
			return `${where}: [${violation.impact}] ${violation.id} — ${violation.help}: ${targets}${more}`;
		});
}

/** A document wider than the window: the whole page scrolls sideways. */
export async function overflow(page: Page, where: string): Promise<string[]> {
	const { documentWidth, windowWidth, widest } = await page.evaluate(() => {
		const viewport = window.innerWidth;
		// The element that reaches furthest right, to say where the overflow comes from.
		let widest = '';
		let right = viewport;
		for (const element of document.body.querySelectorAll('*')) {
			const edge = element.getBoundingClientRect().right;
			if (edge > right + 0.5 && !element.closest('.table-wrap, .scroll, nav ul')) {
				right = edge;
				widest = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
			}
		}
		return { documentWidth: document.documentElement.scrollWidth, windowWidth: viewport, widest };
	});
	return documentWidth > windowWidth
		? [`${where}: the document is ${documentWidth} px wide in ${windowWidth} px (${widest})`]
		: [];
}

/** What is wrong with the page the browser is on now, one line each. */
export type PageCheck = (page: Page, where: string) => Promise<string[]>;

export type Language = 'en' | 'fr' | 'ar' | 'fa';

const read = (language: Language): Record<string, string> =>
	JSON.parse(readFileSync(`src/lib/i18n/messages/${language}.json`, 'utf8'));
const messages: Record<Language, Record<string, string>> = {
	en: read('en'),
	fr: read('fr'),
	ar: read('ar'),
	fa: read('fa')
};

/** What a pass looks for at one window width. */
export interface AtWidth {
	width: number;
	checks: readonly PageCheck[];
}

const HEIGHT = 900;

/**
 * A pass through the pages in one language at several widths: every page it looked at, with what
 * its checks found there. The walks (`page-walks.ts`) drive it. Each page is loaded once, at the
 * narrowest width, and checked there and then widened in place: no script in Tandem reads the
 * window size, so a wider window lays out the same page a load at that width would (and widening,
 * never narrowing, a chart that has not caught up with the window cannot look like an overflow).
 */
export class PagePass {
	readonly problems: string[] = [];
	readonly seen = new Set<Route>();
	readonly widths: readonly AtWidth[];
	constructor(
		readonly language: Language,
		widths: readonly AtWidth[]
	) {
		this.widths = [...widths].sort((a, b) => a.width - b.width);
	}

	get narrowest(): number {
		return this.widths[0]!.width;
	}

	say(key: string): string {
		return messages[this.language][key]!;
	}

	async context(browser: Browser, origin: string): Promise<BrowserContext> {
		const context = await browser.newContext({
			viewport: { width: this.narrowest, height: HEIGHT }
		});
		await this.speak(context, origin);
		return context;
	}

	/** Sign-in and link pages set the person's saved language; this puts the pass's back. */
	async speak(context: BrowserContext, origin: string): Promise<void> {
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: this.language, url: origin }]);
	}

	async visit(page: Page, route: Route, url: string, status = 200): Promise<void> {
		const response = await page.goto(url);
		expect.soft(response?.status(), `${route} answered`).toBe(status);
		expect
			.soft(new URL(page.url()).pathname, `${route} without a detour`)
			.toBe(new URL(url).pathname);
		await this.check(page, route);
	}

	/** Checks the page the browser is on now at every width, and leaves it at the narrowest. */
	async check(page: Page, route: Route): Promise<void> {
		await expect
			.soft(page.locator('html'), `${route} (${this.language}) language`)
			.toHaveAttribute('lang', this.language);
		await expect
			.soft(page.locator('html'), `${route} (${this.language}) direction`)
			.toHaveAttribute('dir', this.language === 'ar' || this.language === 'fa' ? 'rtl' : 'ltr');
		for (const { width, checks } of this.widths) {
			await page.setViewportSize({ width, height: HEIGHT });
			// Chromium can answer before the page has taken the new width: a CI run once measured a
			// page laid out at 390 px against a window still 320 px wide.
			await page.waitForFunction((w) => window.innerWidth === w, width);
			const where = `${route} (${this.language}, ${width} px)`;
			for (const check of checks) this.problems.push(...(await check(page, where)));
		}
		await page.setViewportSize({ width: this.narrowest, height: HEIGHT });
		this.seen.add(route);
	}

	expectClean(routes: readonly Route[]): void {
		expect(
			routes.filter((route) => !this.seen.has(route)),
			'pages not checked'
		).toEqual([]);
		expect(this.problems.join('\n'), 'problems found').toBe('');
	}
}
