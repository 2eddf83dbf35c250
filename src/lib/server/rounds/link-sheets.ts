import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db';
import type { Program, Round } from '../db/schema';
import type { Actor } from '../instruments/instruments';
import { generateId } from '../util/ids';
import { issueLinks, type IssuedLink } from './links';

/**
 * Making links answers with a redirect to a sheet page, so the address bar never shows `?/links`
 * and a reload neither sends the form again nor makes new links. The sheet is kept a few minutes
 * in `link_sheets`, encrypted with a fresh key that only the maker's browser holds (a cookie on
 * the sheet's own path): the database alone never gives working links, and no other person —
 * not even another staff member of the organization — can open the sheet.
 */
export const LINK_SHEET_MINUTES = 15;
const SHEET_MS = LINK_SHEET_MINUTES * 60_000;

export interface MadeSheet {
	sheetId: string;
	key: string;
	count: number;
}

export async function makeLinkSheet(
	db: Db,
	actor: Actor,
	program: Program,
	round: Pick<Round, 'id'>,
	participantIds: string[],
	origin: string,
	ip: string | null,
	now = Date.now()
): Promise<MadeSheet> {
	return db.transaction().execute(async (tx) => {
		const links = await issueLinks(tx, actor, program, participantIds, origin, ip);
		const sheetId = generateId();
		const key = randomBytes(32);
		await tx
			.insertInto('link_sheets')
			.values({
				id: sheetId,
				organization_id: actor.organization_id,
				staff_id: actor.id,
				round_id: round.id,
				sealed: seal(JSON.stringify(links), key, sheetId),
				created_at: now,
				expires_at: now + SHEET_MS
			})
			.execute();
		return { sheetId, key: key.toString('base64url'), count: links.length };
	});
}

/**
 * The sheet for the person who made it: `not_found` for anyone else's sheet (or none), `gone` once
 * it has expired or when this browser no longer holds its key.
 */
export async function openLinkSheet(
	db: Db,
	actor: Actor,
	roundId: string,
	sheetId: string,
	key: string | undefined,
	now = Date.now()
): Promise<'not_found' | 'gone' | IssuedLink[]> {
	const sheet = await db
		.selectFrom('link_sheets')
		.select(['sealed', 'expires_at'])
		.where('id', '=', sheetId)
		.where('organization_id', '=', actor.organization_id)
		.where('staff_id', '=', actor.id)
		.where('round_id', '=', roundId)
		.executeTakeFirst();
	if (!sheet) return 'not_found';
	if (sheet.expires_at <= now || !key) return 'gone';
	try {
		return JSON.parse(open(sheet.sealed, Buffer.from(key, 'base64url'), sheetId));
	} catch {
		return 'gone';
	}
}

/** Run with the hourly retention pass. */
export async function forgetExpiredLinkSheets(db: Db, now = Date.now()): Promise<void> {
	await db.deleteFrom('link_sheets').where('expires_at', '<=', now).execute();
}

export function sheetPath(programId: string, roundId: string, sheetId: string): string {
	return `/programs/${programId}/rounds/${roundId}/links/${sheetId}`;
}

const cookieName = (sheetId: string) => `tandem_sheet_${sheetId}`;

/** The key travels only to the sheet's own page, and lives as long as the sheet. */
export function holdSheetKey(cookies: Cookies, url: URL, path: string, made: MadeSheet): void {
	cookies.set(cookieName(made.sheetId), made.key, {
		path,
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:',
		maxAge: SHEET_MS / 1000
	});
}

export function heldSheetKey(cookies: Cookies, sheetId: string): string | undefined {
	return cookies.get(cookieName(sheetId));
}

function seal(text: string, key: Buffer, sheetId: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(Buffer.from(sheetId));
	const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
	return [iv, body, cipher.getAuthTag()].map((part) => part.toString('base64')).join(':');
}

function open(sealed: string, key: Buffer, sheetId: string): string {
	const [iv, body, tag] = sealed.split(':').map((part) => Buffer.from(part, 'base64'));
	if (!iv || !body || !tag || key.length !== 32) throw new Error('Unreadable sheet');
	const decipher = createDecipheriv('aes-256-gcm', key, iv);
	decipher.setAAD(Buffer.from(sheetId));
	decipher.setAuthTag(tag);
	return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
