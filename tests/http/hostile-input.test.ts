import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { Visitor } from '../helpers/browser-like';
import { openDatabaseChecksums, type DatabaseChecksums } from '../helpers/db-checksum';
import {
	RAW_MARKUP,
	STORED_MARKUP,
	hostileRequest,
	isFormulaCell,
	type HostileRequest
} from '../helpers/hostile';
import { ACCOUNT_FORMS } from '../helpers/hostile-account-forms';
import { hostileCsv, hostileSurveyFile, hostileUpload } from '../helpers/hostile-files';
import { asFormFields, participantFields, setupFields } from '../helpers/hostile-forms';
import { PAGE_TARGETS } from '../helpers/hostile-page-targets';
import { PROGRAM_FORMS } from '../helpers/hostile-program-forms';
import { HostileRun, brief, wasRefused } from '../helpers/hostile-run';
import { STORE_TARGETS, pagesShowingStoredText } from '../helpers/hostile-stores';
import { FORMULA_PAYLOADS, Upload, queryValue } from '../helpers/hostile-values';
import { STORED_ANSWER, buildHostileWorld, type HostileWorld } from '../helpers/hostile-world';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';

/**
 * On PostgreSQL (`npm run test:postgres`) a tenth of the cases: the same forms, pages and checks
 * on the other engine, where each check of the whole database costs more. The SQLite run tries all.
 */
const SHARE = process.env.TEST_DATABASE_ENGINE === 'postgres' ? 0.1 : 1;
const share = (runs: number) => Math.max(1, Math.round(runs * SHARE));
/** The issue asks for at least this many generated cases per run; the runs below add up to more. */
const MIN_CASES = share(5000);
const RUNS = {
	setup: share(60),
	page: share(90),
	link: share(500),
	stored: share(8),
	formula: share(40),
	csv: share(120),
	survey: share(60)
};

let server: RunningServer;
let db: Db;
let checksums: DatabaseChecksums;
let world: HostileWorld | undefined;
let run: HostileRun;
let unique = 0;

beforeAll(async () => {
	// No background jobs: every change to the database comes from a request of this test.
	server = await startServer({ env: { TANDEM_SCHEDULER: 'off' } });
	db = openDatabaseAt(server.databasePath);
	checksums = openDatabaseChecksums(server.databasePath);
	const firstRun = new Visitor(server.url);
	await firstRun.openLink(server.setupLink());
	run = new HostileRun(server, checksums, (who) => {
		if (who === 'anonymous') return new Visitor(server.url);
		if (!world) return firstRun;
		return world.actors[who as keyof HostileWorld['actors']];
	});
});
afterAll(async () => {
	await checksums?.close();
	await db?.destroy();
	await server?.stop();
});

const check = <T>(
	arbitrary: fc.Arbitrary<T>,
	property: (value: T) => Promise<void>,
	numRuns: number
) => fc.assert(fc.asyncProperty(arbitrary, property), { numRuns, endOnFailure: true });

/** Each target once per `it`, named after it. */
const each = <T extends { name: string }>(targets: T[]) => targets.map((t) => [t.name, t] as const);

describe('before anyone has set Tandem up', () => {
	it('first-run set-up refuses every hostile form and sets up one organization at most', async () => {
		await check(
			hostileRequest(asFormFields(setupFields())),
			async (request) => void (await run.attempt('first-run set-up', 'setup', '/setup', request)),
			RUNS.setup
		);
		expect(
			(await db.selectFrom('organizations').select('id').execute()).length
		).toBeLessThanOrEqual(1);
	});
});

describe('with two organizations', () => {
	let w: HostileWorld;
	beforeAll(async () => {
		w = world = await buildHostileWorld(db, server.url, run.visitor('setup'));
	}, 120_000);

	describe('every form action', () => {
		it.each(each([...ACCOUNT_FORMS, ...PROGRAM_FORMS]))('%s', async (_, target) => {
			const { path, fields } = await target.build(w);
			await check(
				hostileRequest(fields, w.foreignIds),
				async (request) => void (await run.attempt(target.name, target.actor, path, request)),
				share(target.runs)
			);
		});
	});

	describe('every address with a value in it', () => {
		it.each(each(PAGE_TARGETS))('%s', async (_, target) => {
			await check(
				queryValue(w.foreignIds),
				async (value) => void (await run.visit(target.name, target.actor, target.path(w, value))),
				RUNS.page
			);
		});

		it('personal, invitation and set-up links with any token', async () => {
			const token = fc.oneof(
				fc.stringMatching(/^[a-z2-7]{32}$/),
				queryValue(),
				fc.constantFrom(...w.linkTokens)
			);
			await check(
				fc.tuple(fc.constantFrom('/l/', '/invite/', '/setup/'), token),
				async ([prefix, value]) => {
					const path = `${prefix}${value}`;
					const live = prefix === '/l/' && value === w.linkTokens[0];
					const answer = await run.visit('links', 'anonymous', path, live);
					// A token that cannot be decoded is a 400; `..` leaves /l/ before it is sent.
					if (answer.status === 303 && new URL(path, server.url).pathname.startsWith('/l/'))
						expect(answer.location, path).toBe(live ? '/p' : '/p/no-link');
					else expect(live, path).toBe(false);
				},
				RUNS.link
			);
		});
	});

	describe('stored text', () => {
		it.each(each(STORE_TARGETS))('%s is escaped on every page that shows it', async (_, target) => {
			await check(
				fc.tuple(fc.constantFrom(...STORED_MARKUP), fc.string({ maxLength: 20 })),
				async ([markup, tail]) => {
					const n = ++unique;
					const marker = `stored${n}x`;
					const { path, fields } = await target.form(w, `${markup(marker)}${tail}`, n);
					const kind = fields.some(([, v]) => v instanceof Upload) ? 'multipart' : 'urlencoded';
					const request: HostileRequest = { body: { kind, fields }, origin: 'same' };
					const answer = await run.attempt(`stored ${target.name}`, target.actor, path, request);
					expect(wasRefused(answer), `${target.name}: ${brief(answer)}`).toBe(false);
					for (const page of await target.shownOn(w, answer.location, n)) {
						const { text } = await run.page(target.actor, page);
						expect(text, `${target.name} on ${page}`).toContain(marker);
						expect(text.match(RAW_MARKUP)?.[0], `${target.name} on ${page}`).toBeUndefined();
					}
				},
				RUNS.stored
			);
		});

		it('no page shows any stored text as markup', async () => {
			const pages = await pagesShowingStoredText(w);
			for (const [who, path] of pages) {
				const { status, text } = await run.page(who, path);
				expect(status, path).toBeLessThan(500);
				expect(text.match(RAW_MARKUP)?.[0], path).toBeUndefined();
			}
			// Every kind of page the world holds was read: what the property runs above add varies
			// with their seed, so the count is only known not to fall below the world's own.
			for (const kind of ['/participants/', '/pairs/', '/rounds/', '/instruments/', '/p/a/'])
				expect(
					pages.some(([, path]) => path.includes(kind)),
					kind
				).toBe(true);
			expect(pages.length).toBeGreaterThan(30);
		});
	});

	describe('spreadsheet downloads', () => {
		const cellsOf = async (who: string, path: string) => {
			const { status, text } = await run.page(who, path);
			expect(status, path).toBe(200);
			const delimiter = path.includes('semicolon') ? ';' : ',';
			const rows: string[][] = parse(text, { bom: true, delimiter, relax_column_count: true });
			return rows.flat();
		};

		it('a formula typed into a participant comes out with a leading quote', async () => {
			const path = `/programs/${w.programId}/participants/${w.editMe}`;
			await check(
				fc.tuple(
					fc.constantFrom(...FORMULA_PAYLOADS),
					fc.constantFrom('name', 'notes', 'occupation')
				),
				async ([formula, field]) => {
					const n = ++unique;
					const value = `${formula} f${n}x`;
					const fields = asFormFields({
						...participantFields(w, 'Fay Formula', `formula${n}@example.org`),
						[field]: value
					});
					const request: HostileRequest = { body: { kind: 'urlencoded', fields }, origin: 'same' };
					const answer = await run.attempt(
						'formula in a download',
						'coordinator',
						`${path}?/save`,
						request
					);
					expect(wasRefused(answer), brief(answer)).toBe(false);
					const cells = await cellsOf('coordinator', `${path}/export.csv`);
					expect(cells.filter(isFormulaCell)).toEqual([]);
					expect(cells).toContain(`'${value.trim()}`);
				},
				RUNS.formula
			);
		});

		it('program, participant and audit downloads hold no cell a spreadsheet would run', async () => {
			const program = `/programs/${w.programId}`;
			const downloads = [
				['coordinator', `${program}/export/responses.csv`],
				['coordinator', `${program}/export/responses.csv?separator=semicolon`],
				['coordinator', `${program}/export/pair-scores.csv`],
				['coordinator', `${program}/participants/${w.editMe}/export.csv`],
				['admin', '/admin/audit/export.csv']
			] as const;
			for (const [who, path] of downloads)
				expect((await cellsOf(who, path)).filter(isFormulaCell), path).toEqual([]);
			const responses = await cellsOf('coordinator', `${program}/export/responses.csv`);
			expect(responses).toContain(`'${STORED_ANSWER.formula} ${STORED_ANSWER.markup}`);
		});
	});

	describe('uploads', () => {
		it('participant CSV: any file, and the preview of what was accepted', async () => {
			const path = `/programs/${w.programId}/import?/upload`;
			await check(
				hostileUpload('file', 'people.csv', 'text/csv', hostileCsv),
				async (request) => {
					const answer = await run.attempt('CSV upload', 'coordinator', path, request);
					await run.followAccepted('CSV upload', 'coordinator', answer);
				},
				RUNS.csv
			);
		});

		// Last: every survey accepted adds hundreds of rows to checksum after each later case.
		it('survey JSON: any file, and the survey made from what was accepted', async () => {
			const exported = await run.page('coordinator', `/instruments/${w.publishedVersionId}/export`);
			await check(
				hostileUpload('file', 'survey.json', 'application/json', hostileSurveyFile(exported.text)),
				async (request) => {
					const answer = await run.attempt(
						'survey upload',
						'coordinator',
						'/instruments?/import',
						request
					);
					await run.followAccepted('survey upload', 'coordinator', answer);
				},
				RUNS.survey
			);
		});
	});
});

it(`tried at least ${MIN_CASES} hostile cases`, () => {
	console.log(`[hostile-input] ${run.cases.total} cases\n${run.cases.report()}`);
	expect(run.cases.total).toBeGreaterThanOrEqual(MIN_CASES);
});
