import type { World } from './authorization-matrix.world';

export const ACTORS = [
	'anonymous',
	'protegeA',
	'mentorB',
	'employer',
	'coordinator1',
	'coordinator2',
	'admin1'
] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * - `ok`: a page, file or redirect that is not a refusal; a form posted empty that changes nothing.
 * - `acts`: an allowed action that changes something when posted empty; the matrix posts it last.
 * - `bad`: an allowed action posted empty: a 4xx answer (not 403 or 404), nothing changed.
 * - `noRecord`: an allowed action posted without the id of the record it acts on: 404, nothing
 *   changed.
 * - `notFound`: 404, nothing changed, nobody's names in the page.
 * - `signin`: a redirect to /signin, nothing changed.
 * - `noLink`: a redirect to /p/no-link (no personal link opened), nothing changed.
 * - `gone`: 410, the page of a used or missing one-time link.
 */
export type Outcome =
	'ok' | 'acts' | 'bad' | 'noRecord' | 'notFound' | 'signin' | 'noLink' | 'gone';

export interface RouteRule {
	expect: Record<Actor, Outcome>;
	/** Values for the route's `[params]` other than the world's defaults. */
	params?: (world: World, actor: Actor) => Record<string, string>;
	/** What a refused actor posts: a form that would work for someone allowed. */
	body?: (world: World) => Record<string, string>;
	/** What an allowed actor posts, when an empty form is not enough (a confirmation). */
	actBody?: (world: World) => Record<string, string>;
	/** Run after every other allowed action (it ends a round or a person's participation). */
	last?: boolean;
}

const STAFF_ONLY = {
	anonymous: 'signin',
	protegeA: 'notFound',
	mentorB: 'notFound',
	employer: 'notFound'
} as const;
const NO_PARTICIPANTS = {
	coordinator1: 'noLink',
	coordinator2: 'noLink',
	admin1: 'noLink'
} as const;

/** The same answer for everyone. */
const everyone = (outcome: Outcome): RouteRule => ({
	expect: Object.fromEntries(ACTORS.map((actor) => [actor, outcome])) as Record<Actor, Outcome>
});

/** Staff of any organization, on their own organization's pages. */
const anyStaff = (allowed: Outcome): RouteRule => ({
	expect: { ...STAFF_ONLY, coordinator1: allowed, coordinator2: allowed, admin1: allowed }
});

/** A record of organization 1: its staff only; organization 2 gets a 404. */
const org1Staff = (allowed: Outcome): RouteRule => ({
	expect: { ...STAFF_ONLY, coordinator1: allowed, coordinator2: 'notFound', admin1: allowed }
});

/** Administrators of organization 1 only. */
const org1Admin = (allowed: Outcome): RouteRule => ({
	expect: { ...STAFF_ONLY, coordinator1: 'notFound', coordinator2: 'notFound', admin1: allowed }
});

/** Anyone who opened their personal link. */
const anyParticipant = (allowed: Outcome): RouteRule => ({
	expect: {
		anonymous: 'noLink',
		protegeA: allowed,
		mentorB: allowed,
		employer: allowed,
		...NO_PARTICIPANTS
	}
});

/** Protégé A's own survey or pair; other participants get a 404. */
const protegeAOnly = (allowed: Outcome): RouteRule => ({
	expect: {
		anonymous: 'noLink',
		protegeA: allowed,
		mentorB: 'notFound',
		employer: 'notFound',
		...NO_PARTICIPANTS
	}
});

const draft = (world: World) => ({ versionId: world.drafts.coordinator1 });
/** Publishing and confirming happen once: each allowed staff member gets a record of their own. */
const mine = (actor: Actor) => (actor === 'admin1' ? 'admin1' : 'coordinator1');
const ownDraft = (world: World, actor: Actor) => ({ versionId: world.drafts[mine(actor)] });
const ownImport = (world: World, actor: Actor) => ({ importId: world.imports[mine(actor)] });
const later = () => ({ intent: 'later' });
const participantForm = () => ({
	role: 'protege',
	name: 'Renamed By Intruder',
	email: 'intruder@example.org',
	language: 'en'
});

/** Every page, endpoint and form action in src/routes, and what each actor gets. */
export const ROUTE_RULES: Record<string, RouteRule> = {
	'GET /(auth)/invite': everyone('gone'),
	// Without an invitation or setup link held in a cookie, the form's page is gone.
	'POST /(auth)/invite': everyone('gone'),
	// [token] is protégé A's personal link: to these two pages, a dead link.
	'GET /(auth)/invite/[token]': everyone('ok'),
	'GET /(auth)/setup': everyone('gone'),
	'POST /(auth)/setup': everyone('gone'),
	'GET /(auth)/setup/[token]': everyone('ok'),
	'GET /(auth)/signin': everyone('ok'),
	// Staff already signed in are sent home whatever they post.
	'POST /(auth)/signin': {
		expect: { ...everyone('bad').expect, coordinator1: 'ok', coordinator2: 'ok', admin1: 'ok' }
	},
	// The second step exists only for a password sign-in waiting for its code.
	'GET /(auth)/signin/two-factor': {
		expect: { ...everyone('signin').expect, coordinator1: 'ok', coordinator2: 'ok', admin1: 'ok' }
	},
	'POST /(auth)/signin/two-factor?/code': {
		...everyone('signin'),
		body: () => ({ code: '123456' })
	},
	'POST /(auth)/signin/two-factor?/recovery': {
		...everyone('signin'),
		body: () => ({ recoveryCode: 'abcd-efgh' })
	},
	'GET /(auth)/signout': everyone('ok'),
	'POST /(auth)/signout': everyone('acts'),

	'GET /(participant)/p': anyParticipant('ok'),
	'GET /(participant)/p/a/[assignmentId]': protegeAOnly('ok'),
	'GET /(participant)/p/a/[assignmentId]/check': protegeAOnly('ok'),
	'POST /(participant)/p/a/[assignmentId]/check': protegeAOnly('bad'),
	'GET /(participant)/p/a/[assignmentId]/done': protegeAOnly('ok'),
	'GET /(participant)/p/a/[assignmentId]/page/[page]': protegeAOnly('ok'),
	'POST /(participant)/p/a/[assignmentId]/page/[page]': { ...protegeAOnly('bad'), body: later },
	// [pairId] is protégé A's pair: an empty form saves an empty agreement; an empty
	// confirmation names no version and confirms nothing.
	'GET /(participant)/p/agreement/[pairId]': protegeAOnly('ok'),
	'POST /(participant)/p/agreement/[pairId]?/save': protegeAOnly('acts'),
	'POST /(participant)/p/agreement/[pairId]?/confirm': protegeAOnly('ok'),
	'GET /(participant)/p/check-in/[checkInId]': protegeAOnly('ok'),
	'POST /(participant)/p/check-in/[checkInId]': protegeAOnly('bad'),
	'GET /(participant)/p/exit/[exitSurveyId]': protegeAOnly('ok'),
	'POST /(participant)/p/exit/[exitSurveyId]': protegeAOnly('bad'),
	'GET /(participant)/p/follow-up/[followUpId]': protegeAOnly('ok'),
	'POST /(participant)/p/follow-up/[followUpId]': protegeAOnly('bad'),
	'GET /(participant)/p/consent': anyParticipant('ok'),
	'POST /(participant)/p/consent': anyParticipant('acts'),
	'GET /(participant)/p/guide/[pairId]': protegeAOnly('ok'),
	'GET /(participant)/p/no-link': everyone('ok'),
	'GET /(participant)/p/withdraw': anyParticipant('ok'),
	'POST /(participant)/p/withdraw': { ...anyParticipant('acts'), last: true },
	'GET /(participant)/p/withdraw/done': everyone('ok'),

	'GET /(staff)': anyStaff('ok'),
	'GET /(staff)/account': anyStaff('ok'),
	'POST /(staff)/account?/password': anyStaff('bad'),
	'GET /(staff)/account/sessions': anyStaff('ok'),
	// The session is coordinator 1's own: nobody else may end it, not even an administrator.
	'POST /(staff)/account/sessions?/end': {
		expect: {
			...STAFF_ONLY,
			coordinator1: 'noRecord',
			coordinator2: 'notFound',
			admin1: 'notFound'
		},
		body: (w) => ({ sessionId: w.otherSessionId })
	},
	'POST /(staff)/account/sessions?/endOthers': anyStaff('acts'),
	'GET /(staff)/account/two-factor': anyStaff('ok'),
	'POST /(staff)/account/two-factor?/backupCodes': anyStaff('bad'),
	'POST /(staff)/account/two-factor?/confirm': anyStaff('bad'),
	'POST /(staff)/account/two-factor?/turnOff': anyStaff('bad'),

	'GET /(staff)/admin/audit': org1Admin('ok'),
	'GET /(staff)/admin/audit/export.csv': org1Admin('ok'),
	'GET /(staff)/admin/audit/export.json': org1Admin('ok'),
	'GET /(staff)/admin/retention': org1Admin('ok'),
	'POST /(staff)/admin/retention': { ...org1Admin('bad'), body: () => ({ months: '1' }) },
	'GET /(staff)/admin/security': org1Admin('ok'),
	'POST /(staff)/admin/security': {
		...org1Admin('acts'),
		body: () => ({ requireTwoFactor: 'on' })
	},
	'GET /(staff)/admin/time-zone': org1Admin('ok'),
	'POST /(staff)/admin/time-zone': {
		...org1Admin('bad'),
		body: () => ({ timeZone: 'America/Vancouver' })
	},
	'GET /(staff)/admin/staff': org1Admin('ok'),
	'POST /(staff)/admin/staff?/invite': {
		...org1Admin('bad'),
		body: () => ({ name: 'Intruder', email: 'intruder@example.org', role: 'admin' })
	},
	'POST /(staff)/admin/staff?/revoke': {
		...org1Admin('noRecord'),
		body: (w) => ({ invitationId: w.invitationId })
	},
	'POST /(staff)/admin/staff?/role': {
		...org1Admin('bad'),
		body: (w) => ({ staffId: w.staffIds.coordinator1, role: 'admin' })
	},
	'POST /(staff)/admin/staff?/disable': {
		...org1Admin('noRecord'),
		body: (w) => ({ staffId: w.staffIds.admin1 })
	},
	'POST /(staff)/admin/staff?/enable': {
		...org1Admin('noRecord'),
		body: (w) => ({ staffId: w.staffIds.admin1 })
	},
	'GET /(staff)/admin/staff/[staffId]': org1Admin('ok'),
	'POST /(staff)/admin/staff/[staffId]?/endSessions': {
		...org1Admin('bad'),
		body: () => ({ confirm: 'on' })
	},
	'POST /(staff)/admin/staff/[staffId]?/resetTwoFactor': {
		...org1Admin('bad'),
		body: () => ({ confirm: 'on' })
	},

	'GET /(staff)/employers': anyStaff('ok'),
	'POST /(staff)/employers?/create': { ...anyStaff('bad') },
	'POST /(staff)/employers?/rename': {
		...org1Staff('bad'),
		body: (w) => ({ employerId: w.employerId, name: 'Renamed' })
	},
	'POST /(staff)/employers?/archive': {
		...org1Staff('noRecord'),
		body: (w) => ({ employerId: w.employerId })
	},
	'POST /(staff)/employers?/restore': {
		...org1Staff('noRecord'),
		body: (w) => ({ employerId: w.employerId })
	},

	'GET /(staff)/instruments': anyStaff('ok'),
	'POST /(staff)/instruments?/import': anyStaff('bad'),
	'GET /(staff)/instruments/[versionId]': org1Staff('ok'),
	'POST /(staff)/instruments/[versionId]?/edit': org1Staff('acts'),
	'POST /(staff)/instruments/[versionId]?/duplicate': org1Staff('acts'),
	'POST /(staff)/instruments/[versionId]?/publish': { ...org1Staff('acts'), params: ownDraft },
	'POST /(staff)/instruments/[versionId]?/addConstruct': {
		...org1Staff('bad'),
		params: draft,
		body: () => ({ key: 'intruder', 'name.en': 'Intruder', 'name.fr': 'Intrus' })
	},
	'POST /(staff)/instruments/[versionId]?/updateConstruct': { ...org1Staff('bad'), params: draft },
	'POST /(staff)/instruments/[versionId]?/moveConstruct': { ...org1Staff('bad'), params: draft },
	'POST /(staff)/instruments/[versionId]?/removeConstruct': {
		...org1Staff('bad'),
		params: draft,
		body: () => ({ key: 'focus', confirmed: 'yes' })
	},
	'POST /(staff)/instruments/[versionId]?/addItem': { ...org1Staff('bad'), params: draft },
	'POST /(staff)/instruments/[versionId]?/moveItem': { ...org1Staff('bad'), params: draft },
	'POST /(staff)/instruments/[versionId]?/removeItem': {
		...org1Staff('bad'),
		params: draft,
		body: (w) => ({ key: w.params.itemKey!, confirmed: 'yes' })
	},
	'POST /(staff)/instruments/[versionId]?/addLanguage': {
		...org1Staff('bad'),
		params: draft,
		body: () => ({ language: 'es' })
	},
	'GET /(staff)/instruments/[versionId]/export': org1Staff('ok'),
	'GET /(staff)/instruments/[versionId]/languages': org1Staff('ok'),
	'GET /(staff)/instruments/[versionId]/statistics': org1Staff('ok'),
	'POST /(staff)/instruments/[versionId]/languages?/review': {
		...org1Staff('bad'),
		body: () => ({ language: 'ar', reviewed: 'yes' })
	},
	'POST /(staff)/instruments/[versionId]/languages?/import': { ...org1Staff('bad'), params: draft },
	'GET /(staff)/instruments/[versionId]/languages/[language].csv': {
		...org1Staff('ok'),
		params: () => ({ language: 'fr' })
	},
	'GET /(staff)/instruments/[versionId]/items/[itemKey]': { ...org1Staff('ok'), params: draft },
	'POST /(staff)/instruments/[versionId]/items/[itemKey]': { ...org1Staff('bad'), params: draft },
	'GET /(staff)/instruments/[versionId]/preview': org1Staff('ok'),

	'GET /(staff)/programs': anyStaff('ok'),
	'GET /(staff)/programs/new': anyStaff('ok'),
	'POST /(staff)/programs/new': anyStaff('bad'),
	'GET /(staff)/programs/[programId]': org1Staff('ok'),
	'POST /(staff)/programs/[programId]?/pair': {
		...org1Staff('bad'),
		body: (w) => ({ mentorId: w.mentorC, protegeId: w.protegeC })
	},
	'GET /(staff)/programs/[programId]/edit': org1Staff('ok'),
	'POST /(staff)/programs/[programId]/edit': org1Staff('bad'),
	'GET /(staff)/programs/[programId]/export': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/export/pair-scores.csv': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/export/pair-scores.json': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/export/pairs.csv': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/export/pairs.json': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/report': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/export/check-ins.csv': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/export/check-ins.json': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/export/outcomes.csv': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/export/outcomes.json': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/export/codebook.csv': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/export/codebook.json': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/export/responses.csv': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/export/responses.json': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/import': org1Staff('ok'),
	'POST /(staff)/programs/[programId]/import?/upload': org1Staff('bad'),
	'GET /(staff)/programs/[programId]/import/[importId]': org1Staff('ok'),
	'POST /(staff)/programs/[programId]/import/[importId]?/confirm': {
		...org1Staff('acts'),
		params: ownImport
	},
	'GET /(staff)/programs/[programId]/import/template.csv': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/matching': org1Staff('ok'),
	'POST /(staff)/programs/[programId]/matching?/accept': {
		...org1Staff('bad'),
		body: (w) => ({ pair: `${w.mentorC}:${w.protegeC}` })
	},
	'POST /(staff)/programs/[programId]/matching?/lock': {
		...org1Staff('bad'),
		body: (w) => ({ lock: `never:${w.mentorC}:${w.protegeC}` })
	},
	// Protégé C is in no pair: the one whose best mentors can be listed.
	'GET /(staff)/programs/[programId]/matching/[protegeId]': {
		...org1Staff('ok'),
		params: (w) => ({ protegeId: w.protegeC })
	},
	'POST /(staff)/programs/[programId]/matching/[protegeId]?/pair': {
		...org1Staff('bad'),
		params: (w) => ({ protegeId: w.protegeC }),
		body: (w) => ({ pair: `${w.mentorC}:${w.protegeC}` })
	},
	'POST /(staff)/programs/[programId]/matching/[protegeId]?/lock': {
		...org1Staff('bad'),
		params: (w) => ({ protegeId: w.protegeC }),
		body: (w) => ({ lock: `never:${w.mentorC}:${w.protegeC}` })
	},
	'GET /(staff)/programs/[programId]/pairs/[pairId]': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/pairs/[pairId]/guide': org1Staff('ok'),
	'POST /(staff)/programs/[programId]/pairs/[pairId]?/status': {
		...org1Staff('bad'),
		body: () => ({ status: 'paused', reason: 'Intruder' })
	},
	// Pair A still runs, so pairing its protégé again is refused even to its own coordinators.
	'POST /(staff)/programs/[programId]/pairs/[pairId]?/rematch': {
		...org1Staff('bad'),
		body: (w) => ({ mentorId: w.mentorC })
	},
	'POST /(staff)/programs/[programId]/pairs/[pairId]?/note': {
		...org1Staff('bad'),
		body: () => ({ body: 'Intruder note' })
	},
	'POST /(staff)/programs/[programId]/pairs/[pairId]?/followUp': {
		...org1Staff('bad'),
		body: () => ({ what: 'Intruder task' })
	},
	'POST /(staff)/programs/[programId]/pairs/[pairId]?/followUpDone': {
		...org1Staff('bad'),
		body: (w) => ({ followUpId: w.followUpId, done: 'true' })
	},
	'GET /(staff)/programs/[programId]/participants': org1Staff('ok'),
	'POST /(staff)/programs/[programId]/participants?/add': {
		...org1Staff('bad'),
		body: participantForm
	},
	'GET /(staff)/programs/[programId]/participants/[participantId]': org1Staff('ok'),
	'POST /(staff)/programs/[programId]/participants/[participantId]?/save': {
		...org1Staff('bad'),
		body: participantForm
	},
	'POST /(staff)/programs/[programId]/participants/[participantId]?/revokeLinks': org1Staff('acts'),
	'POST /(staff)/programs/[programId]/participants/[participantId]?/withdraw': {
		...org1Staff('bad'),
		body: () => ({ reason: 'Intruder' })
	},
	'GET /(staff)/programs/[programId]/participants/[participantId]/erase': org1Staff('ok'),
	'POST /(staff)/programs/[programId]/participants/[participantId]/erase': {
		...org1Staff('bad'),
		body: () => ({ mode: 'delete', confirmName: 'Amara Okafor' })
	},
	'GET /(staff)/programs/[programId]/participants/[participantId]/export.csv': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/participants/[participantId]/export.json': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/rounds/new': org1Staff('ok'),
	'POST /(staff)/programs/[programId]/rounds/new': org1Staff('bad'),
	'GET /(staff)/programs/[programId]/rounds/[roundId]': org1Staff('ok'),
	'POST /(staff)/programs/[programId]/rounds/[roundId]?/links': org1Staff('bad'),
	// A sheet of links is its maker's alone; without the key only this browser held, it is "gone".
	'GET /(staff)/programs/[programId]/rounds/[roundId]/links/[sheetId]': {
		expect: { ...STAFF_ONLY, coordinator1: 'ok', coordinator2: 'notFound', admin1: 'notFound' }
	},
	'POST /(staff)/programs/[programId]/rounds/[roundId]?/latecomers': org1Staff('acts'),
	'POST /(staff)/programs/[programId]/rounds/[roundId]?/invite': org1Staff('acts'),
	'POST /(staff)/programs/[programId]/rounds/[roundId]?/remind': org1Staff('acts'),
	'POST /(staff)/programs/[programId]/rounds/[roundId]?/close': {
		...org1Staff('acts'),
		body: () => ({ confirmed: 'yes' }),
		actBody: () => ({ confirmed: 'yes' }),
		last: true
	},
	'GET /(staff)/programs/[programId]/rounds/[roundId]/answer': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/rounds/[roundId]/answer/check': org1Staff('ok'),
	'POST /(staff)/programs/[programId]/rounds/[roundId]/answer/check': org1Staff('bad'),
	'GET /(staff)/programs/[programId]/rounds/[roundId]/answer/done': org1Staff('ok'),
	'GET /(staff)/programs/[programId]/rounds/[roundId]/answer/page/[page]': org1Staff('ok'),
	'POST /(staff)/programs/[programId]/rounds/[roundId]/answer/page/[page]': {
		...org1Staff('bad'),
		body: later
	},

	'GET /healthz': everyone('ok'),
	// Whoever holds a personal link is its person: the link is the credential.
	'GET /l/[token]': everyone('ok'),
	'GET /language': everyone('ok'),
	// An unreadable choice changes nothing; the page sends everyone home.
	'POST /language': everyone('ok')
};
