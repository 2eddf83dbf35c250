import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { createEmployer } from '../../src/lib/server/employers/employers';
import { createProgram } from '../../src/lib/server/programs/programs';
import { Visitor, locationOf } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';
import { readable } from '../helpers/html-text';

let server: RunningServer;
let db: Db;
let ours: Visitor;
let theirs: Visitor;
let programId: string;
let theirProgramId: string;
let ourOrganizationId: string;

const programInput = {
	name: 'Cohorte printemps 2027',
	description: '',
	startDate: '2027-03-01',
	endDate: '2027-06-30',
	defaultLanguage: 'fr',
	status: 'active' as const,
	watchThreshold: 0.7,
	riskThreshold: 0.5,
	pairsSeeSummary: false,
	mentorMultipleProteges: false
};

async function signIn(email: string): Promise<Visitor> {
	// A coordinator whose browser asks for French, as with French-locale Excel.
	const visitor = new Visitor(server.url, server.url, { 'accept-language': 'fr-CA,fr;q=0.9' });
	expect((await visitor.post('/signin', { email, password: TEST_PASSWORD })).status).toBe(303);
	return visitor;
}

function upload(visitor: Visitor, program: string, content: string | Uint8Array, name: string) {
	const body = new FormData();
	const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	body.set('file', new Blob([bytes as BlobPart], { type: 'text/csv' }), name);
	return fetch(`${server.url}/programs/${program}/import?/upload`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: {
			origin: server.url,
			accept: 'text/html',
			'accept-language': 'fr-CA,fr;q=0.9',
			cookie: [...visitor.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
		}
	});
}

const FIRST = [
	'Zoë',
	'Élodie',
	'François',
	'Hương',
	'Amélie',
	'Jérôme',
	'Noémie',
	'Raphaël',
	'Inès',
	'Loïc'
];
const LAST = [
	'Bélanger-Côté',
	'Nguyễn',
	'Gagné',
	'Lévesque',
	'Poirier',
	'Benali',
	'Ouellet',
	'Müller',
	'Tremblay',
	'Roy'
];

/** 30 people as French-locale Excel saves them: BOM, semicolons, CRLF, DD/MM/YYYY, quotes. */
function frenchExcelFile(badEmailOnRow: number | null): string {
	const lines = [
		'Rôle;Nom;Courriel;Téléphone;Langue;Profession;Employeur;Date de consentement;Notes'
	];
	for (let i = 0; i < 30; i++) {
		const role = i < 10 ? 'mentor' : i < 25 ? 'protégé' : 'employeur';
		const name = `${FIRST[i % 10]} ${LAST[(i * 3) % 10]}`;
		const row = lines.length + 1;
		const email = row === badEmailOnRow ? `personne${i}@exemple` : `personne${i}@exemple.org`;
		const employer = role === 'protégé' ? '' : i % 2 === 0 ? 'Acme Inc' : 'Globex Québec';
		const notes = i === 3 ? '"Disponible le soir; pas le vendredi\r\nPréfère le français"' : '';
		lines.push(
			[
				role,
				name,
				email,
				'',
				i % 3 === 0 ? 'en' : 'fr',
				'Infirmière',
				employer,
				`0${(i % 9) + 1}/02/2027`,
				notes
			].join(';')
		);
	}
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	const a = await createOrganizationWithStaff(db, 'A', [
		{ email: 'ana@a.org', role: 'coordinator' }
	]);
	const b = await createOrganizationWithStaff(db, 'B', [
		{ email: 'ben@b.org', role: 'coordinator' }
	]);
	ourOrganizationId = a.organizationId;
	programId = await createProgram(db, a.organizationId, programInput);
	theirProgramId = await createProgram(db, b.organizationId, programInput);
	await createEmployer(db, a.organizationId, 'Acme Inc');
	ours = await signIn('ana@a.org');
	theirs = await signIn('ben@b.org');
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

const count = async () =>
	(
		await db
			.selectFrom('participants')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('program_id', '=', programId)
			.executeTakeFirstOrThrow()
	).n;

describe('importing 30 participants from French-locale Excel', () => {
	let importPath: string;

	it('shows a bad row with its row and column, next to the row, and offers no confirmation', async () => {
		const uploaded = await upload(ours, programId, frenchExcelFile(17), 'cohorte.csv');
		expect(uploaded.status).toBe(303);
		const path = locationOf(uploaded)!;
		expect(path).toMatch(new RegExp(`^/programs/${programId}/import/[a-z2-7]+$`));

		const page = await ours.get(path);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Ligne 17, colonne « Courriel »');
		expect(html).toContain('href="#row-17"');
		const row = html.slice(html.indexOf('id="row-17"'), html.indexOf('id="row-18"'));
		expect(row).toContain('personne15@exemple');
		expect(row).toContain('n’est pas une adresse courriel');
		expect(html).not.toContain('data-testid="confirm-import"');
		expect(html).toContain('Corriger le fichier et le téléverser de nouveau');
		expect(await count()).toBe(0);
	});

	it('accepts the fixed file, asks before creating an employer, then imports all 30', async () => {
		const uploaded = await upload(ours, programId, frenchExcelFile(null), 'cohorte.csv');
		importPath = locationOf(uploaded)!;
		const html = await (await ours.get(importPath)).text();
		expect(html).toContain('data-testid="confirm-import"');
		expect(readable(html)).toContain(
			'L’employeur « Globex Québec » n’existe pas encore — il sera créé'
		);
		expect(html).toContain('Importer 30 participants');

		const unticked = await ours.post(`${importPath}?/confirm`, {});
		expect(unticked.status).toBe(400);
		expect(await unticked.text()).toMatch(/Ligne \d+, colonne « Employeur »/);
		expect(await count()).toBe(0);

		const confirmed = await ours.post(`${importPath}?/confirm`, { createEmployers: 'on' });
		expect(confirmed.status).toBe(303);
		expect(locationOf(confirmed)).toBe(`/programs/${programId}/participants`);
		expect(await count()).toBe(30);
		// The list says what happened, once: a reload shows the list alone and imports nothing.
		const list = await (await ours.get(`/programs/${programId}/participants`)).text();
		// Inside the layout's status region, so a screen reader announces it.
		expect(list).toMatch(
			/role="status">(<!--[^>]*-->)?<p [^>]*data-testid="flash">30 participants importés\.<\/p>/
		);
		const reloaded = await (await ours.get(`/programs/${programId}/participants`)).text();
		expect(reloaded).not.toContain('data-testid="flash"');
		expect(await count()).toBe(30);
		const person = await db
			.selectFrom('participants')
			.selectAll()
			.where('email', '=', 'personne3@exemple.org')
			.executeTakeFirstOrThrow();
		expect(person).toMatchObject({
			name: 'Hương Roy',
			role: 'mentor',
			notes: 'Disponible le soir; pas le vendredi\r\nPréfère le français',
			consent_date: '2027-02-04'
		});
	});

	it('says a completed import was already imported', async () => {
		const page = await ours.get(importPath);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Ce fichier a déjà été importé');
		expect((await ours.post(`${importPath}?/confirm`, { createEmployers: 'on' })).status).toBe(400);
		expect(await count()).toBe(30);
	});
});

describe('a file LibreOffice saved as CSV in Windows-1252 (Western Europe)', () => {
	it('imports every character intact: Œ € œ — ’ « » and all of 0x80–0x9F', async () => {
		const program = await createProgram(db, ourOrganizationId, { ...programInput, name: 'LO' });
		const bytes = readFileSync('tests/fixtures/libreoffice-windows-1252.csv');
		expect(bytes.includes(0x8c)).toBe(true); // Œ as Windows-1252 writes it, not UTF-8
		const preview = locationOf(await upload(ours, program, new Uint8Array(bytes), 'lo.csv'))!;
		expect(await (await ours.get(preview)).text()).toContain('Hélène Garçon-Œuvray');
		const confirmed = await ours.post(`${preview}?/confirm`, { createEmployers: 'on' });
		expect(confirmed.status).toBe(303);
		const people = await db
			.selectFrom('participants')
			.select(['name', 'occupation', 'notes'])
			.where('program_id', '=', program)
			.orderBy('email')
			.execute();
		expect(people).toEqual([
			{
				name: 'François D’Aoust',
				occupation: 'Comptable',
				notes: 'Tous les caractères : € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ'
			},
			{ name: 'Hélène Garçon-Œuvray', occupation: 'Infirmière', notes: 'Café € 5; cœur' },
			{
				name: 'Zoë Bélanger-Côté',
				occupation: 'Ingénieure « réseaux »',
				notes: 'Disponible le soir — après 18 h'
			}
		]);
		// No C1 control character (what the old decoding stored for Œ € œ —) anywhere.
		expect(JSON.stringify(people)).not.toMatch(/[\u0080-\u009f]/);
	});
});

describe('roles written another way', () => {
	it('are listed on the upload page and shown in the preview as read', async () => {
		const page = await (await ours.get(`/programs/${programId}/import`)).text();
		expect(page).toContain('La colonne du rôle accepte aussi ces mots.');
		expect(page).toMatch(
			/<strong>Personne mentorée :<\/strong>\s*mentoré, mentorée, protégé, protégée, mentee, newcomer/
		);
		const file = [
			'role,name,email,language',
			'mentee,Aya Haddad,aya@exemple.org,fr',
			'Newcomer,Omar Said,omar@exemple.org,fr',
			'Mentor,Lise Roy,lise@exemple.org,fr'
		].join('\n');
		const preview = await (
			await ours.get(locationOf(await upload(ours, programId, file, 'r.csv'))!)
		).text();
		const row = (n: number) =>
			readable(
				preview.slice(
					preview.indexOf(`id="row-${n}"`),
					preview.indexOf('</tr>', preview.indexOf(`id="row-${n}"`))
				)
			);
		expect(row(2)).toContain('Personne mentorée (écrit « mentee »)');
		expect(row(3)).toContain('Personne mentorée (écrit « Newcomer »)');
		expect(row(4)).toContain('>Mentor</td>');
	});
});

describe('uploads refused on the form', () => {
	it.each([
		{ name: 'empty', content: new Uint8Array(), message: 'Choisissez un fichier CSV' },
		{
			name: 'over 2 MB',
			content: 'role,name\n' + 'x'.repeat(2 * 1024 * 1024 + 1),
			message: 'Le fichier dépasse 2 Mo'
		}
	])('refuses an $name file with a message', async ({ content, message }) => {
		const response = await upload(ours, programId, content, 'bad.csv');
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain(message);
		expect(html).toContain('id="field-file-error"');
	});
});

describe('the template', () => {
	it.each([
		{ query: '', delimiter: ',' },
		{ query: '?separator=semicolon', delimiter: ';' }
	])('downloads with a BOM and imports as it is ($delimiter)', async ({ query, delimiter }) => {
		const response = await ours.get(`/programs/${programId}/import/template.csv${query}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="tandem-participants.csv"'
		);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		expect(text.split('\r\n')[0]).toBe(
			[
				'rôle',
				'nom',
				'courriel',
				'téléphone',
				'langue',
				'profession',
				'employeur',
				'date de consentement',
				'notes',
				'capacité',
				'domaine',
				'langues'
			].join(delimiter)
		);

		const uploaded = await upload(ours, programId, bytes, 'tandem-participants.csv');
		const preview = await ours.get(locationOf(uploaded)!);
		const html = await preview.text();
		expect(html).toContain('data-testid="confirm-import"');
		expect(html).toContain('Zoë Bélanger-Côté');
	});
});

describe("another organization's coordinator", () => {
	it('gets a 404 on every import page, download and action, and changes nothing', async () => {
		const uploaded = await upload(ours, programId, frenchExcelFile(null), 'x.csv');
		const importPath = locationOf(uploaded)!;
		const importId = importPath.split('/').at(-1)!;
		for (const path of [
			`/programs/${programId}/import`,
			`/programs/${programId}/import/template.csv`,
			importPath,
			`/programs/${theirProgramId}/import/${importId}`
		]) {
			expect((await theirs.get(path)).status, path).toBe(404);
		}
		expect((await theirs.post(`${importPath}?/confirm`, { createEmployers: 'on' })).status).toBe(
			404
		);
		expect(
			(await theirs.post(`/programs/${theirProgramId}/import/${importId}?/confirm`, {})).status
		).toBe(404);
		expect((await upload(theirs, programId, frenchExcelFile(null), 'x.csv')).status).toBe(404);
		expect((await ours.get(importPath)).status).toBe(200);
		expect(await count()).toBe(30);
	});
});
