import QRCode from 'qrcode';
import type { Db, DbOrTx } from '../db';
import type { Program } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { issueParticipantLink, linkExpiry } from '../auth/participant-links';
import type { Actor } from '../instruments/instruments';
import { organizationTimeZone } from '../organizations/time-zone';

export interface IssuedLink {
	participantId: string;
	name: string;
	url: string;
}

/**
 * Fresh personal links for chosen active people of the program, audited. Run inside the caller's
 * transaction so the links and whatever keeps them for staff (a sheet) exist together or not at all.
 */
export async function issueLinks(
	tx: DbOrTx,
	actor: Actor,
	program: Program,
	participantIds: string[],
	origin: string,
	ip: string | null
): Promise<IssuedLink[]> {
	if (participantIds.length === 0) return [];
	const expiresAt = linkExpiry(program, await organizationTimeZone(tx, actor.organization_id));
	const people = await tx
		.selectFrom('participants')
		.select(['id', 'name'])
		.where('program_id', '=', program.id)
		.where('organization_id', '=', actor.organization_id)
		.where('status', '=', 'active')
		.where('id', 'in', participantIds)
		.orderBy('name')
		.execute();
	const links: IssuedLink[] = [];
	for (const person of people) {
		const token = await issueParticipantLink(tx, person.id, expiresAt, actor.id);
		links.push({ participantId: person.id, name: person.name, url: `${origin}/l/${token}` });
	}
	await recordAudit(tx, {
		organizationId: actor.organization_id,
		actorStaffId: actor.id,
		action: 'links.issued',
		targetType: 'program',
		targetId: program.id,
		detail: { participants: people.map((p) => p.id) },
		ip
	});
	return links;
}

type IssueArguments = Parameters<typeof issueLinks> extends [DbOrTx, ...infer Rest] ? Rest : never;

/** `issueLinks` in a transaction of its own (seeding, tests). */
export function issueLinksFor(db: Db, ...rest: IssueArguments): Promise<IssuedLink[]> {
	return db.transaction().execute((tx) => issueLinks(tx, ...rest));
}

/** A link as a QR code (an SVG data URL), for the printable sheet used at in-person sessions. */
export async function qrCodeOf(url: string): Promise<string> {
	const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
