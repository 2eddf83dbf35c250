import {
	redirect,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	extractLocaleFromRequest,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '$lib/paraglide/runtime';
import { participantLocale, staffLocale, textDirection } from '$lib/i18n/locales';
import { deleteSessionCookie, sessionCookieName } from '$lib/server/auth/cookies';
import { validateParticipantSessionToken, validateSessionToken } from '$lib/server/auth/session';
import { signInTurnedAway } from '$lib/server/auth/signin-flood';
import { mayVisitBeforeEnrolment, resolveStaffAccess } from '$lib/server/auth/staff-access';
import { getDb } from '$lib/server/db';
import { prepareServer } from '$lib/server/startup';

export const init: ServerInit = prepareServer;

/**
 * Each request's language, which every message function reads through Paraglide's server storage.
 * A participant's pages speak the participant's language (any shipped one); without a personal
 * link, the cookie, then the browser's languages. Staff pages speak English or French only.
 * Paraglide's own middleware does the same but copies each request first, body included.
 */
const localeStorage = new AsyncLocalStorage<{
	locale?: Locale;
	origin?: string;
	messageCalls?: Set<string>;
}>();
overwriteServerAsyncLocalStorage(localeStorage);

/** Personal-link pages (/p…), the link itself (/l/…) and the language switch. */
function onParticipantSurface(pathname: string): boolean {
	return /^\/(p|language)(\/|$)|^\/l\//.test(pathname);
}

function requestLocale(event: RequestEvent): Locale {
	const asked = extractLocaleFromRequest(event.request);
	if (!onParticipantSurface(event.url.pathname)) return staffLocale(asked);
	const participant = event.locals.participant;
	return (participant && participantLocale(participant.language)) || asked;
}

const i18n: Handle = ({ event, resolve }) => {
	const locale = requestLocale(event);
	const store = { locale, origin: event.url.origin, messageCalls: new Set<string>() };
	return localeStorage.run(store, () =>
		resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', textDirection(locale))
		})
	);
};

const authentication: Handle = async ({ event, resolve }) => {
	event.locals.session = null;
	event.locals.staff = null;
	event.locals.pendingSignIn = null;
	const token = event.cookies.get(sessionCookieName(event.url));
	if (token) {
		const valid = await validateSessionToken(getDb(), token);
		const access = valid ? await resolveStaffAccess(getDb(), valid.session, valid.staff) : null;
		if (!valid) {
			deleteSessionCookie(event.cookies, event.url);
		} else if (access === 'second_factor_pending') {
			event.locals.pendingSignIn = valid;
		} else {
			event.locals.session = valid.session;
			event.locals.staff = valid.staff;
			if (access === 'enrolment_required' && !mayVisitBeforeEnrolment(event.url.pathname)) {
				redirect(303, '/account/two-factor');
			}
		}
	}
	event.locals.participant = null;
	event.locals.participantSession = null;
	const linkToken = event.cookies.get(sessionCookieName(event.url, 'participant'));
	if (linkToken) {
		const valid = await validateParticipantSessionToken(getDb(), linkToken);
		if (valid) {
			event.locals.participantSession = valid.session;
			event.locals.participant = valid.participant;
		} else {
			deleteSessionCookie(event.cookies, event.url, 'participant');
		}
	}
	return resolve(event);
};

/** Paths whose URL carries a secret: never leak it through the Referer header. */
const TOKEN_PATHS = ['/setup/', '/invite/', '/l/'];

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const carriesToken = TOKEN_PATHS.some((prefix) => event.url.pathname.startsWith(prefix));
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', carriesToken ? 'no-referrer' : 'same-origin');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.protocol === 'https:') {
		headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	if (event.locals.staff || event.locals.participant || carriesToken) {
		headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

/** A flood of sign-ins is turned away before any work (signin-flood.ts). */
const signInFlood: Handle = ({ event, resolve }) =>
	signInTurnedAway(event.request, event.url.pathname) ?? resolve(event);

export const handle = sequence(authentication, i18n, securityHeaders, signInFlood);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) {
		console.error(`[tandem] ${event.request.method} ${event.url.pathname} failed:`, error);
	}
	return { message };
};
