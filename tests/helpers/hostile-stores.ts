import { insertParticipants } from '../../src/lib/server/participants/participants';
import type { HostileFields } from './hostile';
import { asFormFields, participantFields, programFields } from './hostile-forms';
import { Upload } from './hostile-values';
import type { ActorName, HostileWorld } from './hostile-world';
import { readSurveyForm } from './survey-form';

/** A form that stores a text, and the pages that show it again. */
export interface StoreTarget {
	name: string;
	actor: ActorName;
	/** The valid form with `text` where the stored text goes; `n` makes emails and keys unique. */
	form(world: HostileWorld, text: string, n: number): Promise<Sent> | Sent;
	/** Read as the same actor; `location` is where the accepted form sent the browser. */
	shownOn(world: HostileWorld, location: string | null, n: number): Promise<string[]> | string[];
}

interface Sent {
	path: string;
	fields: HostileFields;
}

async function participantByEmail(world: HostileWorld, email: string): Promise<string> {
	const row = await world.db
		.selectFrom('participants')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
	return row.id;
}

async function textPage(world: HostileWorld): Promise<{ path: string; html: string }> {
	const visitor = world.actors.participant;
	for (let page = 1; page < 20; page++) {
		const path = `/p/a/${world.participantAssignment}/page/${page}`;
		const html = await (await visitor.get(path)).text();
		if (readSurveyForm(html).some((q) => q.kind === 'text')) return { path, html };
	}
	throw new Error('no survey page with a text question');
}

export const STORE_TARGETS: StoreTarget[] = [
	{
		name: 'program name',
		actor: 'coordinator',
		form: (_w, text) => ({ path: '/programs/new', fields: asFormFields(programFields(text)) }),
		shownOn: (_w, location) => [location!, '/programs', '/']
	},
	{
		name: 'program description',
		actor: 'coordinator',
		form: (w, text) => ({
			path: `/programs/${w.otherProgramId}/edit`,
			fields: asFormFields({ ...programFields('Autumn cohort'), description: text })
		}),
		shownOn: (w) => [`/programs/${w.otherProgramId}/edit`]
	},
	{
		name: 'participant name',
		actor: 'coordinator',
		form: (w, text, n) => ({
			path: `/programs/${w.programId}/participants?/add`,
			fields: asFormFields(participantFields(w, text, `stored${n}@example.org`))
		}),
		shownOn: async (w, _location, n) => [
			`/programs/${w.programId}/participants`,
			`/programs/${w.programId}/participants/${await participantByEmail(w, `stored${n}@example.org`)}`,
			`/programs/${w.programId}`
		]
	},
	{
		name: 'participant notes',
		actor: 'coordinator',
		form: (w, text, n) => ({
			path: `/programs/${w.programId}/participants/${w.editMe}?/save`,
			fields: asFormFields({
				...participantFields(w, 'Eddie Edit', `eddie${n}@example.org`),
				notes: text
			})
		}),
		shownOn: (w) => [`/programs/${w.programId}/participants/${w.editMe}`]
	},
	{
		name: 'employer name',
		actor: 'coordinator',
		form: (_w, text) => ({ path: '/employers?/create', fields: [['name', text]] }),
		shownOn: (w) => ['/employers', `/programs/${w.programId}/participants`]
	},
	{
		name: 'pair note',
		actor: 'coordinator',
		form: (w, text) => ({
			path: `/programs/${w.programId}/pairs/${w.answeredPairId}?/note`,
			fields: [['body', text]]
		}),
		shownOn: (w) => [`/programs/${w.programId}/pairs/${w.answeredPairId}`]
	},
	{
		name: 'follow-up',
		actor: 'coordinator',
		form: (w, text) => ({
			path: `/programs/${w.programId}/pairs/${w.answeredPairId}?/followUp`,
			fields: [
				['what', text],
				['assigneeId', w.cody.id],
				['dueOn', '2027-05-01']
			]
		}),
		shownOn: (w) => [`/programs/${w.programId}/pairs/${w.answeredPairId}`]
	},
	{
		name: 'pair status reason',
		actor: 'coordinator',
		form: async (w, text) => {
			const pair = await w.db
				.selectFrom('pairs')
				.select('status')
				.where('id', '=', w.answeredPairId)
				.executeTakeFirstOrThrow();
			return {
				path: `/programs/${w.programId}/pairs/${w.answeredPairId}?/status`,
				fields: [
					['status', pair.status === 'paused' ? 'active' : 'paused'],
					['reason', text]
				]
			};
		},
		shownOn: (w) => [`/programs/${w.programId}/pairs/${w.answeredPairId}`]
	},
	{
		name: 'withdrawal reason',
		actor: 'coordinator',
		form: async (w, text, n) => {
			const [id] = await insertParticipants(
				w.db,
				{ organizationId: w.cody.organization_id, programId: w.programId },
				[
					{
						role: 'protege',
						name: `Leaving ${n}`,
						email: `leaving${n}@example.org`,
						phone: null,
						language: 'en',
						occupation: null,
						employerId: null,
						consentDate: null,
						notes: ''
					}
				]
			);
			return {
				path: `/programs/${w.programId}/participants/${id}?/withdraw`,
				fields: [['reason', text]]
			};
		},
		shownOn: async (w, _location, n) => [
			`/programs/${w.programId}/participants/${await participantByEmail(w, `leaving${n}@example.org`)}`
		]
	},
	{
		name: 'invited staff name',
		actor: 'admin',
		form: (_w, text, n) => ({
			path: '/admin/staff?/invite',
			fields: [
				['name', text],
				['email', `invited${n}@a.org`],
				['role', 'coordinator']
			]
		}),
		shownOn: () => ['/admin/staff']
	},
	{
		name: 'survey answer',
		actor: 'participant',
		form: async (w, text) => {
			const { path, html } = await textPage(w);
			const fields: HostileFields = readSurveyForm(html).map((q) => [
				q.name,
				q.kind === 'text' ? text : q.kind === 'number' ? '4' : q.values[0]!
			]);
			return { path, fields: [...fields, ['intent', 'later']] };
		},
		shownOn: (w) => [`/p/a/${w.participantAssignment}/check`]
	},
	{
		name: 'construct name',
		actor: 'coordinator',
		form: (w, text, n) => ({
			path: `/instruments/${w.draftId}?/addConstruct`,
			fields: [
				['key', `stored_${n}`],
				['name.en', text],
				['name.fr', 'Sujet']
			]
		}),
		shownOn: (w) => [`/instruments/${w.draftId}`]
	},
	{
		name: 'uploaded file name',
		actor: 'coordinator',
		// The marker last: only what follows the last slash of a file name is kept.
		form: (w, text, n) => ({
			path: `/programs/${w.programId}/import?/upload`,
			fields: [
				[
					'file',
					new Upload(
						`${text} stored${n}x.csv`,
						'role,name,email,language\nmentor,Ann Lee,ann@example.org,en\n',
						'text/csv'
					)
				]
			]
		}),
		shownOn: (_w, location) => [location!]
	}
];

/** Every page of organization A that can show text someone stored, with who opens it. */
export async function pagesShowingStoredText(world: HostileWorld): Promise<[ActorName, string][]> {
	const { db } = world;
	const pages: [ActorName, string][] = [
		['coordinator', '/'],
		['coordinator', '/programs'],
		['coordinator', '/employers'],
		['coordinator', '/instruments'],
		['admin', '/admin/staff'],
		['admin', '/admin/audit'],
		['admin', '/admin/retention'],
		['participant', '/p'],
		['participant', `/p/a/${world.participantAssignment}/check`]
	];
	const programs = await db
		.selectFrom('programs')
		.select('id')
		.where('organization_id', '=', world.cody.organization_id)
		.execute();
	for (const { id } of programs) {
		for (const part of ['', '/participants', '/edit', '/export'])
			pages.push(['coordinator', `/programs/${id}${part}`]);
		for (const table of ['participants', 'pairs', 'rounds'] as const) {
			const rows = await db.selectFrom(table).select('id').where('program_id', '=', id).execute();
			for (const row of rows) pages.push(['coordinator', `/programs/${id}/${table}/${row.id}`]);
		}
		const uploads = await db
			.selectFrom('participant_imports')
			.select('id')
			.where('program_id', '=', id)
			.execute();
		// Each upload's preview was opened when it was accepted; the last few again, after the rest.
		for (const row of uploads.slice(-10))
			pages.push(['coordinator', `/programs/${id}/import/${row.id}`]);
	}
	const versions = await db
		.selectFrom('instrument_versions')
		.innerJoin('instruments', 'instruments.id', 'instrument_versions.instrument_id')
		.select('instrument_versions.id')
		.where('instruments.organization_id', '=', world.cody.organization_id)
		.execute();
	for (const { id } of versions)
		pages.push(
			['coordinator', `/instruments/${id}`],
			['coordinator', `/instruments/${id}/preview?lang=fr&role=mentor`]
		);
	return pages;
}
