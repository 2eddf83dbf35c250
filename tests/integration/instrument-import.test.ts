import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstrumentDocument } from '../../src/lib/instruments/types';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { listInstruments } from '../../src/lib/server/instruments/instruments';
import { loadVersionDocument } from '../../src/lib/server/instruments/load-document';
import { importInstrument } from '../../src/lib/server/instruments/transfer';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff } from '../helpers/fixtures';

let t: TestDatabase;
let staff: StaffUserRow;
let valid: InstrumentDocument;

beforeAll(async () => {
	t = await createTestDatabase();
	const org = await createOrganizationWithStaff(t.db, 'A', [
		{ email: 'a@a.org', role: 'coordinator' }
	]);
	staff = await t.db
		.selectFrom('staff_users')
		.selectAll()
		.where('id', '=', org.staffIds[0]!)
		.executeTakeFirstOrThrow();
	const [instrument] = await listInstruments(t.db, staff.organization_id);
	valid = (await loadVersionDocument(t.db, instrument!.versions[0]!.id))!;
});
afterAll(() => t.close());

type Breakage = (doc: InstrumentDocument) => unknown;
const item = (doc: InstrumentDocument, c = 0, i = 0) => doc.constructs[c]!.items[i]!;
const numberItem = (doc: InstrumentDocument) =>
	doc.constructs.flatMap((c) => c.items).find((i) => i.type === 'number')!;
const pathOf = (doc: InstrumentDocument, key: string) => {
	for (const [c, construct] of doc.constructs.entries()) {
		const i = construct.items.findIndex((x) => x.key === key);
		if (i >= 0) return `constructs[${c}].items[${i}]`;
	}
	return '?';
};

const cases: [string, Breakage, (doc: InstrumentDocument) => { path: string; message: RegExp }][] =
	[
		[
			'missing wording in one language',
			(d) => delete item(d).wording.mentor!.fr,
			() => ({
				path: 'constructs[0].items[0].wording.mentor.fr',
				message: /text in “fr” is missing/
			})
		],
		[
			'an unknown item type',
			(d) => ((item(d) as { type: string }).type = 'slider'),
			() => ({
				path: 'constructs[0].items[0].type',
				message: /Use one of: scale, choice, multi, number, text/
			})
		],
		[
			'two items with the same key',
			(d) => (item(d, 0, 1).key = item(d, 0, 0).key),
			(d) => ({
				path: 'constructs[0].items[1].key',
				message: new RegExp(`“${item(d).key}” is used twice`)
			})
		],
		[
			'number bounds the wrong way round',
			(d) => Object.assign(numberItem(d).number!, { min: 50, max: 5 }),
			(d) => ({
				path: `${pathOf(d, numberItem(d).key)}.number.max`,
				message: /highest value must be more than the lowest/
			})
		],
		[
			'a wrong format',
			(d) => ((d as { format: string }).format = 'tandem-instrument/9'),
			() => ({ path: 'format', message: /“format” must be “tandem-instrument\/1”/ })
		],
		[
			'a follow-up pointing nowhere',
			(d) => {
				const followUp = d.constructs.flatMap((c) => c.items).find((i) => i.follows)!;
				followUp.follows = 'no_such_item';
			},
			(d) => ({
				path: `${pathOf(d, d.constructs.flatMap((c) => c.items).find((i) => i.follows === 'no_such_item')!.key)}.follows`,
				message: /no question “no_such_item”/
			})
		],
		[
			'a short name that is too long',
			(d) => (item(d).label = { en: 'A name '.repeat(12), fr: 'Un nom' }),
			() => ({
				path: 'constructs[0].items[0].label.en',
				message: /At most 80/
			})
		],
		[
			'an unknown field',
			(d) => Object.assign(item(d), { colour: 'red' }),
			() => ({ path: 'constructs[0].items[0]', message: /Unknown field: colour/ })
		]
	];

async function instrumentCount(): Promise<number> {
	const rows = await t.db.selectFrom('instruments').select('id').execute();
	return rows.length;
}

describe('importing a broken document', () => {
	it.each(cases)(
		'refuses %s with a precise message and saves nothing',
		async (_, breakIt, expected) => {
			const doc = structuredClone(valid);
			breakIt(doc);
			const before = await instrumentCount();
			const result = await importInstrument(t.db, staff, JSON.stringify(doc), null);
			expect(result.ok).toBe(false);
			if (result.ok) return;
			const { path, message } = expected(doc);
			expect(result.problems).toContainEqual({ path, message: expect.stringMatching(message) });
			expect(await instrumentCount()).toBe(before);
		}
	);

	it('refuses a 5 MB document before reading it', async () => {
		const big = JSON.stringify({ ...valid, description: { en: 'x'.repeat(5 * 1024 * 1024) } });
		const result = await importInstrument(t.db, staff, big, null);
		expect(result).toEqual({
			ok: false,
			problems: [{ path: '$', message: 'The file is larger than 1 MB' }]
		});
	});

	it('refuses text that is not JSON', async () => {
		const result = await importInstrument(t.db, staff, '{"format": ', null);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0]!.message).toMatch(/^This is not valid JSON/);
	});

	it('lists every problem of a kind at once', async () => {
		const doc = structuredClone(valid);
		(item(doc, 0, 0) as { type: string }).type = 'slider';
		(item(doc, 0, 1) as { wave: string }).wave = 'later';
		const result = await importInstrument(t.db, staff, JSON.stringify(doc), null);
		expect(result.ok ? 0 : result.problems.length).toBeGreaterThanOrEqual(2);
	});
});
