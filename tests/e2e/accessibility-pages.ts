import { readdirSync } from 'node:fs';
import type { AccessibilityWorld } from './accessibility-world';

export const AUTH_ROUTES = [
	'/(auth)/signin',
	'/(auth)/signin/two-factor',
	'/(auth)/setup',
	'/(auth)/invite'
] as const;
export const STAFF_ROUTES = [
	'/(staff)',
	'/(staff)/account',
	'/(staff)/account/sessions',
	'/(staff)/account/two-factor',
	'/(staff)/admin/audit',
	'/(staff)/admin/retention',
	'/(staff)/admin/security',
	'/(staff)/admin/staff',
	'/(staff)/admin/staff/[staffId]',
	'/(staff)/admin/time-zone',
	'/(staff)/employers',
	'/(staff)/instruments',
	'/(staff)/instruments/[versionId]',
	'/(staff)/instruments/[versionId]/items/[itemKey]',
	'/(staff)/instruments/[versionId]/languages',
	'/(staff)/instruments/[versionId]/statistics',
	'/(staff)/instruments/[versionId]/preview',
	'/(staff)/programs',
	'/(staff)/programs/new',
	'/(staff)/programs/[programId]',
	'/(staff)/programs/[programId]/edit',
	'/(staff)/programs/[programId]/export',
	'/(staff)/programs/[programId]/report',
	'/(staff)/programs/[programId]/import',
	'/(staff)/programs/[programId]/import/[importId]',
	'/(staff)/programs/[programId]/matching',
	'/(staff)/programs/[programId]/matching/[protegeId]',
	'/(staff)/programs/[programId]/pairs/[pairId]',
	'/(staff)/programs/[programId]/pairs/[pairId]/guide',
	'/(staff)/programs/[programId]/participants',
	'/(staff)/programs/[programId]/participants/[participantId]',
	'/(staff)/programs/[programId]/participants/[participantId]/erase',
	'/(staff)/programs/[programId]/rounds/new',
	'/(staff)/programs/[programId]/rounds/[roundId]',
	'/(staff)/programs/[programId]/rounds/[roundId]/links/[sheetId]',
	'/(staff)/programs/[programId]/rounds/[roundId]/answer/page/[page]',
	'/(staff)/programs/[programId]/rounds/[roundId]/answer/check',
	'/(staff)/programs/[programId]/rounds/[roundId]/answer/done'
] as const;
export const PARTICIPANT_ROUTES = [
	'/(participant)/p/consent',
	'/(participant)/p',
	'/(participant)/p/a/[assignmentId]/page/[page]',
	'/(participant)/p/a/[assignmentId]/check',
	'/(participant)/p/a/[assignmentId]/done',
	'/(participant)/p/guide/[pairId]',
	'/(participant)/p/agreement/[pairId]',
	'/(participant)/p/check-in/[checkInId]',
	'/(participant)/p/exit/[exitSurveyId]',
	'/(participant)/p/follow-up/[followUpId]',
	'/(participant)/p/withdraw',
	'/(participant)/p/withdraw/done',
	'/(participant)/p/no-link'
] as const;
export type Route =
	| (typeof AUTH_ROUTES)[number]
	| (typeof STAFF_ROUTES)[number]
	| (typeof PARTICIPANT_ROUTES)[number]
	| 'not found';

/** The staff pages reached by address, each with the page type it shows. */
export function staffPages(w: AccessibilityWorld): [Route, string][] {
	const program = `/programs/${w.programId}`;
	const draft = `/instruments/${w.draftVersionId}`;
	return [
		['/(staff)', '/'],
		['/(staff)/programs', '/programs'],
		['/(staff)/programs/new', '/programs/new'],
		['/(staff)/programs/[programId]', program],
		['/(staff)/programs/[programId]/edit', `${program}/edit`],
		['/(staff)/programs/[programId]/participants', `${program}/participants`],
		[
			'/(staff)/programs/[programId]/participants/[participantId]',
			`${program}/participants/${w.participantId}`
		],
		[
			'/(staff)/programs/[programId]/participants/[participantId]/erase',
			`${program}/participants/${w.participantId}/erase`
		],
		['/(staff)/programs/[programId]/import', `${program}/import`],
		['/(staff)/programs/[programId]/import/[importId]', `${program}/import/${w.importId}`],
		['/(staff)/programs/[programId]/matching', `/programs/${w.intakeProgramId}/matching`],
		[
			'/(staff)/programs/[programId]/matching/[protegeId]',
			`/programs/${w.intakeProgramId}/matching/${w.intakeProtegeId}`
		],
		['/(staff)/programs/[programId]/pairs/[pairId]', `${program}/pairs/${w.pairId}`],
		['/(staff)/programs/[programId]/pairs/[pairId]/guide', `${program}/pairs/${w.pairId}/guide`],
		['/(staff)/programs/[programId]/rounds/[roundId]', `${program}/rounds/${w.roundId}`],
		['/(staff)/programs/[programId]/rounds/new', `${program}/rounds/new`],
		['/(staff)/programs/[programId]/export', `${program}/export`],
		['/(staff)/programs/[programId]/report', `${program}/report`],
		['/(staff)/instruments', '/instruments'],
		['/(staff)/instruments/[versionId]', `/instruments/${w.publishedVersionId}`],
		['/(staff)/instruments/[versionId]', draft],
		['/(staff)/instruments/[versionId]/items/[itemKey]', `${draft}/items/${w.itemKey}`],
		['/(staff)/instruments/[versionId]/preview', `${draft}/preview?role=protege&wave=pre`],
		[
			'/(staff)/instruments/[versionId]/languages',
			`/instruments/${w.publishedVersionId}/languages`
		],
		['/(staff)/instruments/[versionId]/languages', `${draft}/languages`],
		[
			'/(staff)/instruments/[versionId]/statistics',
			`/instruments/${w.publishedVersionId}/statistics`
		],
		['/(staff)/employers', '/employers'],
		['/(staff)/account', '/account'],
		['/(staff)/account/sessions', '/account/sessions'],
		['/(staff)/account/two-factor', '/account/two-factor'],
		['/(staff)/admin/staff', '/admin/staff'],
		['/(staff)/admin/staff/[staffId]', `/admin/staff/${w.staffId}`],
		['/(staff)/admin/security', '/admin/security'],
		['/(staff)/admin/audit', '/admin/audit'],
		['/(staff)/admin/retention', '/admin/retention'],
		['/(staff)/admin/time-zone', '/admin/time-zone']
	];
}

/** Route ids of every page in src/routes, as SvelteKit names them. */
export function pageRoutes(dir = 'src/routes', id = ''): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.isDirectory()) return pageRoutes(`${dir}/${entry.name}`, `${id}/${entry.name}`);
		return /^\+page(@.*)?\.svelte$/.test(entry.name) ? [id || '/'] : [];
	});
}
