import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Route } from './accessibility-pages';

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs every axe-core rule on the page as it stands and returns its serious and critical
 * violations, one readable line each: where, which rule, what to fix and the first elements.
 */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
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

export type Language = 'en' | 'fr';

const messages: Record<Language, Record<string, string>> = {
	en: JSON.parse(readFileSync('src/lib/i18n/messages/en.json', 'utf8')),
	fr: JSON.parse(readFileSync('src/lib/i18n/messages/fr.json', 'utf8'))
};

/**
 * A pass through the pages in one language at one width: every page it looked at, with what its
 * check found there. The walks (`page-walks.ts`) drive it; a subclass says what is checked.
 */
export abstract class PagePass {
	readonly problems: string[] = [];
	readonly seen = new Set<Route>();
	constructor(
		readonly language: Language,
		readonly width: number
	) {}

	/** What is wrong with the page the browser is on now, one line each. */
	protected abstract problemsOf(page: Page, where: string): Promise<string[]>;

	say(key: string): string {
		return messages[this.language][key]!;
	}

	async context(browser: Browser, origin: string): Promise<BrowserContext> {
		const context = await browser.newContext({ viewport: { width: this.width, height: 900 } });
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

	/** Checks the page the browser is on now. */
	async check(page: Page, route: Route): Promise<void> {
		const where = `${route} (${this.language}, ${this.width} px)`;
		await expect
			.soft(page.locator('html'), `${where} language`)
			.toHaveAttribute('lang', this.language);
		this.problems.push(...(await this.problemsOf(page, where)));
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

/** axe-core's serious and critical violations. */
export class Audit extends PagePass {
	protected problemsOf(page: Page, where: string): Promise<string[]> {
		return seriousViolations(page, where);
	}
}

/** A document wider than the window: the whole page scrolls sideways. */
export class WidthCheck extends PagePass {
	protected async problemsOf(page: Page, where: string): Promise<string[]> {
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
}
