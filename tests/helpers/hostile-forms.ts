import { TEST_PASSWORD } from './fixtures';
import type { FormFields } from './hostile';
import type { ActorName, HostileWorld } from './hostile-world';
import { chooseAnswers, readSurveyForm, seededRandom } from './survey-form';

/** A form's fields by name; a list where a name repeats (several people chosen at once). */
export type Fields = Record<string, string | string[]>;

/** One form action: who posts it, where, and a body that is valid (or at least well shaped). */
export interface FormTarget {
	name: string;
	actor: ActorName;
	runs: number;
	build(world: HostileWorld): Promise<Built> | Built;
}

export interface Built {
	path: string;
	fields: FormFields;
}

export const asFormFields = (fields: Fields): FormFields =>
	Object.entries(fields).flatMap(([name, value]) =>
		(Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v])
	);

type PerWorld<T> = T | ((world: HostileWorld) => T);
const resolve = <T>(value: PerWorld<T>, world: HostileWorld): T =>
	typeof value === 'function' ? (value as (world: HostileWorld) => T)(world) : value;

/** A target whose valid form is known in advance. */
export const form = (
	name: string,
	actor: ActorName,
	runs: number,
	path: PerWorld<string>,
	fields: PerWorld<Fields> = {}
): FormTarget => ({
	name,
	actor,
	runs,
	build: (world) => ({ path: resolve(path, world), fields: asFormFields(resolve(fields, world)) })
});

const unescape = (value: string) =>
	value
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&amp;', '&');

const attributes = (tag: string) =>
	Object.fromEntries(
		[...tag.matchAll(/([a-z.-]+)(?:="([^"]*)")?/g)]
			.slice(1)
			.map((m) => [m[1]!, unescape(m[2] ?? '')])
	);

/** The fields a browser sends for the first form of a page that posts to the page itself. */
export function browserFormFields(html: string): FormFields {
	const body = html.match(/<form method="POST"(?![^>]*action=)[\s\S]*?<\/form>/)?.[0] ?? '';
	const fields: FormFields = [];
	for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
		const { name, type, value, checked } = attributes(tag);
		if (!name || type === 'submit') continue;
		if ((type === 'checkbox' || type === 'radio') && checked === undefined) continue;
		fields.push([name, value ?? (type === 'checkbox' ? 'on' : '')]);
	}
	for (const match of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
		const { name } = attributes(`<textarea ${match[1]}`);
		if (name) fields.push([name, unescape(match[2]!)]);
	}
	for (const match of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
		const { name } = attributes(`<select ${match[1]}`);
		const options = [...match[2]!.matchAll(/<option\b[^>]*>/g)].map(([tag]) => attributes(tag));
		const chosen = options.find((o) => o.selected !== undefined) ?? options[0];
		if (name && chosen) fields.push([name, chosen.value ?? '']);
	}
	return fields;
}

const pageOf = async (world: HostileWorld, actor: ActorName, path: string) =>
	(await world.actors[actor as keyof HostileWorld['actors']].get(path)).text();

/** A target whose valid form is read from its page, as a browser would fill it in. */
export const pageForm = (
	name: string,
	actor: ActorName,
	runs: number,
	path: (world: HostileWorld) => string
): FormTarget => ({
	name,
	actor,
	runs,
	build: async (world) => ({
		path: path(world),
		fields: browserFormFields(await pageOf(world, actor, path(world)))
	})
});

/** A survey page answered as a person would, `intent` being the button pressed. */
export const surveyForm = (
	name: string,
	actor: ActorName,
	runs: number,
	path: (world: HostileWorld) => string,
	intent: string
): FormTarget => ({
	name,
	actor,
	runs,
	build: async (world) => {
		const html = await pageOf(world, actor, path(world));
		const answers = chooseAnswers(readSurveyForm(html), seededRandom(name), 'A short note');
		return { path: path(world), fields: asFormFields({ ...answers, intent }) };
	}
});

export const NEW_PASSWORD = 'maple kettle orbit';

export const setupFields = (): Fields => ({
	organizationName: 'Org Zero',
	name: 'Zed Admin',
	email: 'zed@zero.org',
	password: NEW_PASSWORD,
	confirm: NEW_PASSWORD
});

export const signInFields = (): Fields => ({
	email: 'cody@a.org',
	password: TEST_PASSWORD,
	redirectTo: '/programs'
});

export const programFields = (name: string): Fields => ({
	name,
	description: 'Mentoring for newcomers in IT',
	startDate: '2027-03-01',
	endDate: '2027-06-30',
	defaultLanguage: 'en',
	status: 'active',
	watchThreshold: '0.6',
	riskThreshold: '0.4',
	pairsSeeSummary: 'on'
});

export const participantFields = (world: HostileWorld, name: string, email: string): Fields => ({
	role: 'mentor',
	name,
	email,
	phone: '+1 514 555 0100',
	language: 'fr',
	occupation: 'Nurse',
	employerId: world.employerId,
	consentDate: '2027-02-20',
	notes: 'Prefers mornings'
});
