import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { createEmployer } from '../../src/lib/server/employers/employers';
import { readParticipantCsv } from '../../src/lib/server/participants/csv-import';
import { decodeCsvBytes, type CsvProblem } from '../../src/lib/server/participants/csv-records';
import {
	importParticipants,
	storeUpload
} from '../../src/lib/server/participants/participant-import';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { createProgram, findProgram } from '../../src/lib/server/programs/programs';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff } from '../helpers/fixtures';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
let acmeId: string;

const BOM = '\uFEFF';
const utf8 = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
	t = await createTestDatabase();
	const org = await createOrganizationWithStaff(t.db, 'A', [
		{ email: 'coord@a.org', role: 'coordinator' }
	]);
	staff = await t.db
		.selectFrom('staff_users')
		.selectAll()
		.where('id', '=', org.staffIds[0]!)
		.executeTakeFirstOrThrow();
	const programId = await createProgram(t.db, org.organizationId, {
		name: 'Spring 2027',
		description: '',
		startDate: '2027-03-01',
		endDate: '2027-06-30',
		defaultLanguage: 'fr',
		status: 'active',
		watchThreshold: 0.7,
		riskThreshold: 0.5,
		pairsSeeSummary: false,
		mentorMultipleProteges: false
	});
	program = (await findProgram(t.db, org.organizationId, programId))!;
	acmeId = await createEmployer(t.db, org.organizationId, 'Acme Inc');
	await insertParticipants(t.db, { organizationId: org.organizationId, programId }, [
		{
			role: 'mentor',
			name: 'Already Here',
			email: 'taken@example.org',
			phone: null,
			language: 'en',
			occupation: null,
			employerId: null,
			consentDate: null,
			notes: ''
		}
	]);
});
afterAll(() => t.close());

/** Bytes as an upload brings them: decoded (BOM and UTF-8 check), then read against the program. */
async function check(bytes: Uint8Array, createEmployers = false) {
	const decoded = decodeCsvBytes(bytes);
	if (!decoded.ok) return { text: null, result: null, problems: [decoded.problem] };
	const result = await readParticipantCsv(decoded.text, {
		existingEmails: new Set(['taken@example.org']),
		employers: [
			{ id: acmeId, name: 'Acme Inc' },
			{ id: 'old', name: 'Old Co', archived: true }
		],
		createEmployers
	});
	return { text: decoded.text, result, problems: result.problems };
}

const places = (problems: CsvProblem[]) => problems.map((p) => ({ row: p.row, column: p.column }));

const COMMA_HEADER = 'role,name,email,phone,language,occupation,employer,consent_date,notes';
const FRENCH_HEADER =
	'Rôle;Nom;Courriel;Téléphone;Langue;Métier;Employeur;Date de consentement;Notes';

describe('good files', () => {
	const cases: { name: string; bytes: Uint8Array; expected: object[] }[] = [
		{
			name: 'comma-separated with a BOM and CRLF line ends',
			bytes: utf8(
				BOM +
					[
						COMMA_HEADER,
						'mentor,Alex Martin,Alex.Martin@Example.org,514-555-0101,en,Developer,acme inc,2027-01-15,',
						'protege,Zoë Bélanger-Côté,zoe@example.org,,fr,Nurse,,,'
					].join('\r\n') +
					'\r\n'
			),
			expected: [
				{ row: 2, role: 'mentor', name: 'Alex Martin', email: 'alex.martin@example.org' },
				{ row: 3, role: 'protege', name: 'Zoë Bélanger-Côté', language: 'fr' }
			]
		},
		{
			name: 'semicolon-separated without a BOM',
			bytes: utf8(
				'role;name;email;language\nMentor;Sam Lee;sam@example.org;English\nMENTEE;Ana Lima;ana@example.org;FR\n'
			),
			expected: [
				{ row: 2, role: 'mentor', language: 'en' },
				{ row: 3, role: 'protege', language: 'fr' }
			]
		},
		{
			name: 'French-locale Excel: BOM, semicolons, French headers, DD/MM/YYYY, accents',
			bytes: utf8(
				BOM +
					[
						FRENCH_HEADER,
						'mentore;Zoë Bélanger-Côté;zoe.belanger@example.org;;Français;Ingénieure;Acme Inc;05/03/2027;',
						'Protégée;Nguyễn Thị Hương;huong@example.org;;anglais;;;2027-03-06;Arrivée en 2026',
						'mentoré;Élodie Gagné;elodie@example.org;;fr;;;;',
						'Employeur;Jean-François Côté;jf@acme.example;;fr;RH;ACME INC ;;',
						';;;;;;;;'
					].join('\r\n') +
					'\r\n'
			),
			expected: [
				{
					row: 2,
					role: 'mentor',
					name: 'Zoë Bélanger-Côté',
					language: 'fr',
					employerId: 'acme',
					consentDate: '2027-03-05'
				},
				{
					row: 3,
					role: 'protege',
					name: 'Nguyễn Thị Hương',
					language: 'en',
					notes: 'Arrivée en 2026'
				},
				{ row: 4, role: 'protege', name: 'Élodie Gagné' },
				{ row: 5, role: 'employer', name: 'Jean-François Côté', employerId: 'acme' }
			]
		},
		{
			name: 'quoted fields with commas, quotes and line breaks',
			bytes: utf8(
				[
					'name,role,email,language,notes',
					'"Martin, Alex",mentor,alex@example.org,en,"Prefers mornings,\nnot Fridays"',
					'"Sam ""Sammy"" Lee",protege,sam@example.org,fr,"Line one\r\nline two\nline three"',
					'',
					'Kim Roy,employer,kim@example.org,en,'
				].join('\n')
			),
			expected: [
				{ row: 2, name: 'Martin, Alex', notes: 'Prefers mornings,\nnot Fridays' },
				{ row: 3, name: 'Sam "Sammy" Lee', notes: 'Line one\r\nline two\nline three' },
				// A blank line is a row in a spreadsheet; line breaks inside quotes are not.
				{ row: 5, name: 'Kim Roy', role: 'employer' }
			]
		},
		{
			name: 'a blank row above the header, as Excel keeps it',
			bytes: utf8(';;;\r\nrole;name;email;language\r\nmentor;A;a@x.org;en\r\n'),
			expected: [{ row: 3, name: 'A' }]
		}
	];

	it.each(cases)('reads $name', async ({ bytes, expected }) => {
		const { result, problems } = await check(bytes);
		expect(problems).toEqual([]);
		const rows = result!.rows.map((row) => ({
			...row,
			employerId: row.employerId === acmeId ? 'acme' : row.employerId
		}));
		expect(rows).toEqual(expected.map((e) => expect.objectContaining(e)));
	});

	it('lists an unknown employer as one to create when allowed', async () => {
		const { result } = await check(
			utf8(
				'role,name,email,language,employer\nmentor,A,a@x.org,en,Globex\nmentor,B,b@x.org,en,globex\n'
			),
			true
		);
		expect(result!.problems).toEqual([]);
		expect(result!.newEmployers).toEqual(['Globex']);
		expect(result!.rows.map((r) => r.employerName)).toEqual(['Globex', 'globex']);
	});
});

describe('bad files', () => {
	const header = 'role,name,email,language,employer,consent_date';
	const cases: {
		name: string;
		bytes: Uint8Array;
		places: { row: number | null; column: string | null }[];
	}[] = [
		{
			name: 'an unknown role',
			bytes: utf8(`${header}\nmentor,A,a@x.org,en,,\ncoach,B,b@x.org,en,,\n`),
			places: [{ row: 3, column: 'role' }]
		},
		{
			name: 'an invalid email',
			bytes: utf8(`${header}\nmentor,A,a@x,en,,\n`),
			places: [{ row: 2, column: 'email' }]
		},
		{
			name: 'the same email twice in the file',
			bytes: utf8(
				`${header}\nmentor,A,a@x.org,en,,\nprotege,B,b@x.org,fr,,\nprotege,C,A@X.org,fr,,\n`
			),
			places: [{ row: 4, column: 'email' }]
		},
		{
			name: 'an email already in the program',
			bytes: utf8(`${header}\nmentor,A,Taken@Example.org,en,,\n`),
			places: [{ row: 2, column: 'email' }]
		},
		{
			name: 'an unknown language',
			bytes: utf8(`${header}\nmentor,A,a@x.org,en,,\nprotege,B,b@x.org,es,,\n`),
			places: [{ row: 3, column: 'language' }]
		},
		{
			name: 'an unknown employer when none may be created',
			bytes: utf8(`${header}\nmentor,A,a@x.org,en,Globex,\n`),
			places: [{ row: 2, column: 'employer' }]
		},
		{
			name: 'a row with the wrong number of fields',
			bytes: utf8(
				`${header}\nmentor,A,a@x.org,en,,\nprotege,B,b@x.org,fr\nprotege,C,c@x.org,fr,,\n`
			),
			places: [{ row: 3, column: null }]
		},
		{
			name: 'a date that does not exist, under a French header',
			bytes: utf8(
				`rôle;nom;courriel;langue;Date de consentement\nmentor;A;a@x.org;fr;31/02/2027\n`
			),
			places: [{ row: 2, column: 'Date de consentement' }]
		},
		{
			name: 'an empty required cell after a multi-line cell',
			bytes: utf8(
				`role,name,email,language,notes\nmentor,A,a@x.org,en,"two\nlines"\nprotege,,b@x.org,fr,\n`
			),
			places: [{ row: 3, column: 'name' }]
		},
		{
			name: 'a header without a required column',
			bytes: utf8('role,name,language\nmentor,A,en\n'),
			places: [{ row: 1, column: 'email' }]
		},
		{
			name: 'a misspelled column',
			bytes: utf8('role,name,emial,language\nmentor,A,a@x.org,en\n'),
			places: [
				{ row: 1, column: 'emial' },
				{ row: 1, column: 'email' }
			]
		},
		{
			name: 'an archived employer',
			bytes: utf8(`${header}\nmentor,A,a@x.org,en,old co,\n`),
			places: [{ row: 2, column: 'employer' }]
		},
		{
			name: 'a header with a quote that is never closed',
			bytes: utf8('"role,name,email,language\nmentor,A,a@x.org,en\n'),
			places: [{ row: 1, column: null }]
		},
		{
			name: 'a quote that is never closed',
			bytes: utf8(`${header}\nmentor,A,a@x.org,en,,\nprotege,"B,b@x.org,fr,,\n`),
			places: [{ row: 3, column: null }]
		},
		{
			name: 'a header and no participants',
			bytes: utf8(`${BOM}${header}\r\n`),
			places: [{ row: null, column: null }]
		},
		{
			name: 'an empty file',
			bytes: utf8(BOM),
			places: [{ row: null, column: null }]
		}
	];

	it.each(cases)('refuses $name at the exact row and column', async ({ bytes, places: where }) => {
		const { problems } = await check(bytes);
		expect(places(problems)).toEqual(where);
		for (const problem of problems) expect(problem.message).not.toBe('');
	});

	it.each(cases.filter((c) => decodeCsvBytes(c.bytes).ok))(
		'saves nothing for $name',
		async ({ bytes }) => {
			const count = async (table: 'participants' | 'employers' | 'audit_log') =>
				(
					await t.db
						.selectFrom(table)
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.executeTakeFirstOrThrow()
				).n;
			const before = [
				await count('participants'),
				await count('employers'),
				await count('audit_log')
			];
			const decoded = decodeCsvBytes(bytes);
			const importId = await storeUpload(
				t.db,
				staff,
				program.id,
				'bad.csv',
				decoded.ok ? decoded.text : ''
			);
			const outcome = await importParticipants(t.db, staff, program, importId, {
				createEmployers: false
			});
			expect(outcome).toMatchObject({ ok: false });
			expect([
				await count('participants'),
				await count('employers'),
				await count('audit_log')
			]).toEqual(before);
		}
	);
});

describe('size limits', () => {
	const header = 'role,name,email,language\n';
	const rows = (n: number) =>
		Array.from({ length: n }, (_, i) => `protege,Personne ${i},p${i}@example.org,fr`).join('\n');

	it('refuses a file over 2 MB', async () => {
		const big = utf8(header + 'mentor,A,a@x.org,en,' + 'x'.repeat(2 * 1024 * 1024));
		const { problems } = await check(big);
		expect(places(problems)).toEqual([{ row: null, column: null }]);
		expect(problems[0]!.message).toContain('2 MB');
	});

	it('refuses 5,001 rows with one message', async () => {
		const { problems, result } = await check(utf8(header + rows(5001)));
		expect(places(problems)).toEqual([{ row: null, column: null }]);
		expect(problems[0]!.message).toContain('5001');
		expect(result!.rows).toEqual([]);
	});

	it('reads 5,000 rows quickly and imports them in one go', async () => {
		const started = performance.now();
		const { text, result } = await check(utf8(header + rows(5000)));
		const readMs = performance.now() - started;
		expect(result!.problems).toEqual([]);
		expect(result!.rows).toHaveLength(5000);
		expect(result!.rows.at(-1)!.row).toBe(5001);
		expect(readMs).toBeLessThan(1500);

		const importStarted = performance.now();
		const importId = await storeUpload(t.db, staff, program.id, 'big.csv', text!);
		const outcome = await importParticipants(t.db, staff, program, importId, {
			createEmployers: false
		});
		const importMs = performance.now() - importStarted;
		expect(outcome).toEqual({ ok: true, count: 5000 });
		expect(importMs).toBeLessThan(5000);
		console.info(
			`[participant-csv] 5,000 rows: read ${readMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms`
		);
	});
});

describe("a file saved as Windows-1252 (French Excel's and LibreOffice's Western Europe CSV)", () => {
	it('is read as Windows-1252, accents intact', () => {
		const bytes = new Uint8Array([
			...utf8('role;name;email;language\r\nmentor;Ren'),
			0xe9,
			...utf8(' C'),
			0xf4,
			...utf8('t' + ';r@x.org;fr\r\n')
		]);
		const decoded = decodeCsvBytes(bytes);
		expect(decoded).toEqual({
			ok: true,
			text: 'role;name;email;language\r\nmentor;René Côt;r@x.org;fr\r\n'
		});
	});

	// What Windows-1252 puts at 0x80–0x9F (five bytes there are undefined), from the code page's
	// published table; Node's TextDecoder returns these bytes as C1 control characters.
	const HIGH: Record<number, string> = {
		0x80: '€',
		0x82: '‚',
		0x83: 'ƒ',
		0x84: '„',
		0x85: '…',
		0x86: '†',
		0x87: '‡',
		0x88: 'ˆ',
		0x89: '‰',
		0x8a: 'Š',
		0x8b: '‹',
		0x8c: 'Œ',
		0x8e: 'Ž',
		0x91: '‘',
		0x92: '’',
		0x93: '“',
		0x94: '”',
		0x95: '•',
		0x96: '–',
		0x97: '—',
		0x98: '˜',
		0x99: '™',
		0x9a: 'š',
		0x9b: '›',
		0x9c: 'œ',
		0x9e: 'ž',
		0x9f: 'Ÿ'
	};

	const hex = (byte: number) => byte.toString(16).toUpperCase();
	it.each(
		Object.entries(HIGH).map(([byte, char]) => ({
			byte: Number(byte),
			char,
			hex: hex(Number(byte))
		}))
	)('reads byte 0x$hex as $char', ({ byte, char }) => {
		const bytes = new Uint8Array([...utf8('role;name\r\nmentor;A'), byte, 0xe9, ...utf8('\r\n')]);
		expect(decodeCsvBytes(bytes)).toEqual({
			ok: true,
			text: `role;name\r\nmentor;A${char}é\r\n`
		});
	});

	it('reads the issue’s LibreOffice row: Œ € œ — ’ « » é ç intact', () => {
		const text =
			'role;name;email;language;notes\r\nprotege;Hélène Garçon-Œuvray;h@x.org;fr;"Café € 5; cœur — l’après-midi « oui »"\r\n';
		const bytes = new Uint8Array(
			[...text].map((char) => {
				const high = Object.entries(HIGH).find(([, c]) => c === char);
				return high ? Number(high[0]) : char.codePointAt(0)!;
			})
		);
		expect(bytes.every((b) => b < 256)).toBe(true);
		expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text });
	});

	it.each([0x81, 0x8d, 0x8f, 0x90, 0x9d].map((byte) => ({ byte, hex: hex(byte) })))(
		'refuses a file that is neither UTF-8 nor Windows-1252 (undefined byte 0x$hex)',
		({ byte }) => {
			const bytes = new Uint8Array([...utf8('role;name\r\nmentor;A'), byte, 0xe9, ...utf8('\r\n')]);
			expect(decodeCsvBytes(bytes)).toMatchObject({
				ok: false,
				problem: { row: null, message: expect.stringContaining('CSV UTF-8') }
			});
		}
	);
});
