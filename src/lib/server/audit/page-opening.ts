import type { RequestEvent } from '@sveltejs/kit';

/**
 * Whether this request is a person opening the page, for audits of "viewed" (a `load` runs for
 * more than that):
 * - Hover preloading: SvelteKit fetches `__data.json` with nothing that tells it from a click, so
 *   links to audited pages turn data preloading off (`data-sveltekit-preload-data="off"`). A
 *   browser's own prefetch of a document says `Sec-Purpose: prefetch` (older: `Purpose`).
 * - The page's own forms: without JavaScript the action's POST renders the page; with
 *   `use:enhance` the page then reloads its data in a GET whose Referer is the page itself.
 * A view is recorded on any other GET: a click, a typed address, a reload with F5 (whose Referer
 * is where the person came from).
 */
export function isPageOpening(event: Pick<RequestEvent, 'request' | 'url'>): boolean {
	const { headers, method } = event.request;
	if (method !== 'GET') return false;
	const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''}`;
	if (/\bprefetch\b/i.test(purpose)) return false;
	return !comesFromItself(headers.get('referer'), event.url);
}

function comesFromItself(referer: string | null, url: URL): boolean {
	if (!referer || !URL.canParse(referer)) return false;
	const from = new URL(referer);
	return from.origin === url.origin && from.pathname === url.pathname;
}
