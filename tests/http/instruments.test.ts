import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { listInstruments, openDraft } from '../../src/lib/server/instruments/instruments';
import { loadVersionDocument } from '../../src/lib/server/instruments/load-document';
import { Visitor, signedIn } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';

let server: RunningServer;
let db: Db;
let mine: Visitor;
let theirs: Visitor;
let theirVersionId: string;
let theirDraftId: string;

const signIn = (email: string) => signedIn(server.url, email, TEST_PASSWORD);

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	const a = await createOrganizationWithStaff(db, 'A', [
		{ email: 'ana@a.org', role: 'coordinator' }
	]);
	const b = await createOrganizationWithStaff(db, 'B', [
		{ email: 'ben@b.org', role: 'coordinator' }
	]);
	const [instrument] = await listInstruments(db, b.organizationId);
	theirVersionId = instrument!.versions[0]!.id;
	const ben = await staffByEmail(db, 'ben@b.org');
	theirDraftId = (await openDraft(db, ben, theirVersionId, null))!;
	expect(a.organizationId).not.toBe(b.organizationId);
	mine = await signIn('ana@a.org');
	theirs = await signIn('ben@b.org');
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe("another organization's survey", () => {
	it('is a 404 on every page and download', async () => {
		for (const path of [
			`/instruments/${theirVersionId}`,
			`/instruments/${theirVersionId}/preview?role=protege&lang=fr`,
			`/instruments/${theirVersionId}/export`,
			`/instruments/${theirDraftId}/items/focus_job_leads`
		]) {
			expect((await mine.get(path)).status, path).toBe(404);
			expect((await theirs.get(path)).status, path).not.toBe(404);
		}
	});

	it('is a 404 for every change, and nothing changes', async () => {
		const before = await db.selectFrom('instrument_versions').selectAll().execute();
		for (const action of [
			'edit',
			'publish',
			'duplicate',
			'addConstruct',
			'removeConstruct',
			'addLanguage'
		]) {
			const response = await mine.post(`/instruments/${theirVersionId}?/${action}`, {
				key: 'focus',
				language: 'es'
			});
			expect(response.status, action).toBe(404);
		}
		expect(await db.selectFrom('instrument_versions').selectAll().execute()).toEqual(before);
	});

	it('is not listed', async () => {
		const html = await (await mine.get('/instruments')).text();
		expect(html).not.toContain(theirVersionId);
	});
});

describe('import through the page', () => {
	async function upload(visitor: Visitor, content: string) {
		const body = new FormData();
		body.set('file', new Blob([content], { type: 'application/json' }), 'survey.json');
		return fetch(`${server.url}/instruments?/import`, {
			method: 'POST',
			body,
			redirect: 'manual',
			headers: {
				origin: server.url,
				accept: 'text/html',
				cookie: [...visitor.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
			}
		});
	}

	it('imports an exported file and refuses a file over 1 MB with a message', async () => {
		const exported = await (await theirs.get(`/instruments/${theirVersionId}/export`)).text();
		const imported = await upload(mine, exported);
		expect(imported.status).toBe(303);
		expect(imported.headers.get('location')).toMatch(/^\/instruments\/[a-z2-7]+$/);

		const tooBig = await upload(mine, JSON.stringify({ padding: 'x'.repeat(1_200_000) }));
		expect(tooBig.status).toBe(400);
		expect(await tooBig.text()).toContain('The file is larger than 1 MB');
	});
});

describe('editing a draft through the pages', () => {
	let draftId: string;

	beforeAll(async () => {
		const [instrument] = await listInstruments(
			db,
			(
				await db
					.selectFrom('staff_users')
					.select('organization_id')
					.where('email', '=', 'ana@a.org')
					.executeTakeFirstOrThrow()
			).organization_id
		);
		const opened = await mine.post(`/instruments/${instrument!.versions[0]!.id}?/edit`, {});
		expect(opened.status).toBe(303);
		draftId = opened.headers.get('location')!.split('/').pop()!;
	});

	const labelOf = async (key: string) => {
		const document = await loadVersionDocument(db, draftId);
		return document!.constructs.flatMap((c) => c.items).find((i) => i.key === key)!.label;
	};

	const keysOf = async () => {
		const html = await (await mine.get(`/instruments/${draftId}`)).text();
		return [...html.matchAll(/id="(construct|item)-([a-z0-9_]+)"/g)].map((m) => m[2]);
	};

	/** Posts a change; it is saved, and the outline opens at `location` with a one-time message. */
	const change = async (action: string, body: Record<string, string>, location: string) => {
		const response = await mine.post(`/instruments/${draftId}?/${action}`, body);
		expect(response.status, action).toBe(303);
		expect(response.headers.get('location'), action).toBe(`/instruments/${draftId}${location}`);
		return mine.cookies.get('tandem_flash');
	};

	it('adds, moves and removes topics and questions, each time back on the outline', async () => {
		const added = await change(
			'addConstruct',
			{ key: 'wellbeing', 'name.en': 'Well-being', 'name.fr': 'Bien-être' },
			'?open=wellbeing'
		);
		expect(added).toContain('topic_added');
		await change(
			'addItem',
			{ key: 'wellbeing_stress', construct: 'wellbeing', type: 'scale', wave: 'pre' },
			'?open=wellbeing#item-wellbeing_stress'
		);
		await change('moveConstruct', { key: 'wellbeing', direction: 'up' }, '?open=wellbeing');
		const shown = await (await mine.get(`/instruments/${draftId}?open=wellbeing`)).text();
		expect(shown).toContain('Topic moved.');
		const keys = await keysOf();
		expect(keys.indexOf('wellbeing')).toBeLessThan(keys.indexOf('check_in'));
		expect(keys).toContain('wellbeing_stress');
		expect(shown).toMatch(/<details class="card construct[^"]*" id="construct-wellbeing" open/);
		expect(shown).not.toMatch(/id="construct-focus" open/);
		expect(await (await mine.get(`/instruments/${draftId}`)).text()).not.toContain('Topic moved.');

		await change('removeItem', { key: 'wellbeing_stress', confirmed: 'yes' }, '?open=wellbeing');
		await change('removeConstruct', { key: 'wellbeing', confirmed: 'yes' }, '');
		expect(await keysOf()).not.toContain('wellbeing');
	});

	it('removes a question only once the removal is confirmed', async () => {
		const before = await loadVersionDocument(db, draftId);
		const asks: Record<string, string>[] = [
			{ key: 'contact_hours_actual' },
			{ key: 'contact_hours_actual', confirmed: 'no' }
		];
		for (const body of asks) {
			const unconfirmed = await mine.post(`/instruments/${draftId}?/removeItem`, body);
			expect(unconfirmed.status).toBe(400);
			const html = await unconfirmed.text();
			expect(html).toContain('Remove the question “Actual hours per month”?');
			expect(html).toContain('name="confirmed" value="yes"');
		}
		const topic = await mine.post(`/instruments/${draftId}?/removeConstruct`, { key: 'contact' });
		expect(topic.status).toBe(400);
		expect(await topic.text()).toContain('Remove the topic “Contact”?');
		expect(await loadVersionDocument(db, draftId)).toEqual(before);

		const asked = await (
			await mine.get(`/instruments/${draftId}?confirm=remove-item&key=contact_hours_actual`)
		).text();
		expect(asked).toContain('Nobody answers a draft, so no answers are lost');
		expect(asked).toContain('name="confirmed" value="yes"');
		const followed = await (
			await mine.get(`/instruments/${draftId}?confirm=remove-item&key=contact_hours`)
		).text();
		expect(followed).toContain('“Hours per month” cannot be removed yet');
		expect(followed).toContain('/items/contact_hours_actual"');
		expect(followed).not.toContain('name="confirmed"');
	});

	it('keeps what was typed when a new topic is refused', async () => {
		const refused = await mine.post(`/instruments/${draftId}?/addConstruct`, {
			key: 'focus',
			'name.en': 'My typed topic',
			'name.fr': 'Mon sujet'
		});
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain('This key is already used in this survey.');
		expect(html).toContain('value="My typed topic"');
	});

	it('explains a refused change and changes nothing', async () => {
		const before = await keysOf();
		const badKey = await mine.post(`/instruments/${draftId}?/addItem`, {
			key: 'Bad Key!',
			construct: 'focus',
			type: 'text',
			wave: 'pre'
		});
		expect(badKey.status).toBe(400);
		expect(await badKey.text()).toContain('Use lower-case letters, digits and _');
		const followed = await mine.post(`/instruments/${draftId}?/removeItem`, {
			key: 'focus_job_leads',
			confirmed: 'yes'
		});
		expect(followed.status).toBe(400);
		expect(await followed.text()).toContain('A check-in question follows this one');
		expect(await keysOf()).toEqual(before);
	});

	it('adds a language, after which publishing lists the missing translations', async () => {
		expect(
			(await mine.post(`/instruments/${draftId}?/addLanguage`, { language: 'pt-BR' })).status
		).toBe(303);
		const refused = await mine.post(`/instruments/${draftId}?/publish`, {});
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain('This version cannot be published yet');
		expect(html).toContain('name.pt-BR');
		expect(html).toContain('The text in “pt-BR” is missing');
	});

	it('saves an edited question, keeping what was typed when it is refused', async () => {
		const path = `/instruments/${draftId}/items/outcomes_job_offer`;
		const page = await (await mine.get(path)).text();
		expect(page).toContain('name="wording.protege.fr"');
		const refused = await mine.post(path, {
			key: 'outcomes_job_offer',
			type: 'number',
			wave: 'pre',
			construct: 'outcomes',
			'number.min': '9',
			'number.max': '1',
			'asked.protege': 'on',
			'wording.protege.en': 'My typed words'
		});
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain('The highest value must be more than the lowest');
		expect(html).toContain('My typed words');
	});

	it('saves a short name in each language and shows it in the outline', async () => {
		const path = `/instruments/${draftId}/items/check_in_anything_else`;
		const page = await (await mine.get(path)).text();
		expect(page).toContain('name="label.fr"');
		expect(page).toContain('Used on dashboards and reports. A few words.');
		const form: Record<string, string> = {
			key: 'check_in_anything_else',
			construct: 'check_in',
			wave: 'pre',
			type: 'text',
			'asked.mentor': 'on',
			'wording.mentor.en': 'Anything else?',
			'wording.mentor.fr': 'Autre chose?'
		};

		const tooLong = await mine.post(path, { ...form, 'label.en': 'Far too long '.repeat(8) });
		expect(tooLong.status).toBe(400);
		expect(await tooLong.text()).toContain('At most 80');
		expect(await labelOf('check_in_anything_else')).toMatchObject({
			en: 'Anything else to tell us',
			fr: 'Autre chose à nous dire'
		});

		const saved = await mine.post(path, {
			...form,
			'label.en': 'Last words',
			'label.fr': 'Derniers mots'
		});
		expect(saved.status).toBe(303);
		expect(await labelOf('check_in_anything_else')).toMatchObject({
			en: 'Last words',
			fr: 'Derniers mots'
		});
		const outline = await (await mine.get(`/instruments/${draftId}`)).text();
		expect(outline).toContain('<strong>Last words</strong>');
		expect(outline).toContain('Derniers mots');
	});
});
