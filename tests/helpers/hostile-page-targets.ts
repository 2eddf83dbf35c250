import type { ActorName, HostileWorld } from './hostile-world';

/** A page or download whose address carries a hostile value (`value` is already encoded). */
export interface PageTarget {
	name: string;
	actor: ActorName;
	path(world: HostileWorld, value: string): string;
}

export const PAGE_TARGETS: PageTarget[] = [
	{
		name: 'program overview',
		actor: 'coordinator',
		path: (w, v) => `/programs/${w.programId}?sort=${v}&status=${v}&page=${v}&wave=${v}`
	},
	{
		name: 'participant list',
		actor: 'coordinator',
		path: (w, v) => `/programs/${w.programId}/participants?role=${v}&status=${v}&q=${v}`
	},
	{
		name: 'audit log',
		actor: 'admin',
		path: (_w, v) => `/admin/audit?person=${v}&action=${v}&from=${v}&to=${v}&page=${v}`
	},
	{
		name: 'audit log download',
		actor: 'admin',
		path: (_w, v) => `/admin/audit/export.csv?from=${v}&action=${v}&separator=${v}`
	},
	{ name: 'retention preview', actor: 'admin', path: (_w, v) => `/admin/retention?months=${v}` },
	{
		name: 'survey preview',
		actor: 'coordinator',
		path: (w, v) =>
			`/instruments/${w.publishedVersionId}/preview?role=${v}&wave=${v}&lang=${v}&page=${v}`
	},
	{
		name: 'responses download',
		actor: 'coordinator',
		path: (w, v) => `/programs/${w.programId}/export/responses.csv?separator=${v}`
	},
	{
		name: 'pair scores download',
		actor: 'coordinator',
		path: (w, v) => `/programs/${w.programId}/export/pair-scores.json?separator=${v}`
	},
	{
		name: 'import template',
		actor: 'coordinator',
		path: (w, v) => `/programs/${w.programId}/import/template.csv?separator=${v}`
	},
	{
		name: 'participant download',
		actor: 'coordinator',
		path: (w, v) => `/programs/${w.programId}/participants/${w.editMe}/export.csv?${v}=${v}`
	},
	{
		name: 'round page',
		actor: 'coordinator',
		path: (w, v) => `/programs/${w.programId}/rounds/${w.roundId}?confirm=${v}`
	},
	{ name: 'sign-in page', actor: 'anonymous', path: (_w, v) => `/signin?redirectTo=${v}` },
	{
		name: 'second step page',
		actor: 'pending',
		path: (_w, v) => `/signin/two-factor?redirectTo=${v}`
	},
	{ name: 'program id', actor: 'coordinator', path: (_w, v) => `/programs/${v}/participants` },
	{
		name: 'participant id',
		actor: 'coordinator',
		path: (w, v) => `/programs/${w.programId}/participants/${v}`
	},
	{ name: 'pair id', actor: 'coordinator', path: (w, v) => `/programs/${w.programId}/pairs/${v}` },
	{
		name: 'round id',
		actor: 'coordinator',
		path: (w, v) => `/programs/${w.programId}/rounds/${v}`
	},
	{
		name: 'import id',
		actor: 'coordinator',
		path: (w, v) => `/programs/${w.programId}/import/${v}`
	},
	{ name: 'survey version id', actor: 'coordinator', path: (_w, v) => `/instruments/${v}/export` },
	{
		name: 'item key',
		actor: 'coordinator',
		path: (w, v) => `/instruments/${w.draftId}/items/${v}`
	},
	{ name: 'staff id', actor: 'admin', path: (_w, v) => `/admin/staff/${v}` },
	{
		name: 'staff survey page number',
		actor: 'coordinator',
		path: (w, v) => `/programs/${w.programId}/rounds/${w.roundId}/answer/page/${v}`
	},
	{ name: 'assignment id', actor: 'participant', path: (_w, v) => `/p/a/${v}/check` },
	{
		name: 'survey page number',
		actor: 'participant',
		path: (w, v) => `/p/a/${w.participantAssignment}/page/${v}`
	},
	{ name: 'guide pair id', actor: 'participant', path: (_w, v) => `/p/guide/${v}` }
];
