import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { passwordQueueIsFull, RETRY_AFTER_SECONDS } from './password-work';

const escapeHtml = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * While the password queue is full, a sign-in form posted without JavaScript is answered at the
 * door: a short page (503, Retry-After) before the form is read or the page rendered, so that a
 * flood costs the server almost nothing and everyone else's pages stay fast. A form sent by the
 * page's script goes on to the sign-in action, which answers the same in its own format.
 */
export function signInTurnedAway(request: Request, pathname: string): Response | null {
	if (request.method !== 'POST' || pathname !== '/signin') return null;
	if (request.headers.has('x-sveltekit-action') || !passwordQueueIsFull()) return null;
	const body =
		`<!doctype html><html lang="${getLocale()}"><meta charset="utf-8">` +
		'<meta name="viewport" content="width=device-width, initial-scale=1">' +
		`<title>${escapeHtml(m.signin_title())} · Tandem</title>` +
		`<main><p role="alert">${escapeHtml(m.error_signin_busy())}</p>` +
		`<p><a href="/signin">${escapeHtml(m.signin_title())}</a></p></main></html>`;
	return new Response(body, {
		status: 503,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'retry-after': String(RETRY_AFTER_SECONDS),
			'cache-control': 'no-store'
		}
	});
}
