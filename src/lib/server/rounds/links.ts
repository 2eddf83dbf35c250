import QRCode from 'qrcode';
import type { Db } from '../db';
import type { Program } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { issueParticipantLink, linkExpiry } from '../auth/participant-links';
import type { Actor } from '../instruments/instruments';
import { organizationTimeZone } from '../organizations/time-zone';

export interface IssuedLink {
	participantId: string;
	name: string;
	url: string;
	/** The link as a QR code (an SVG data URL), for the printable sheet used at in-person sessions. */
	qrCode: string;
}

/** Fresh personal links for chosen active people of the program, shown to staff once. */
export async function issueLinksFor(
	db: Db,
	actor: Actor,
	program: Program,
	participantIds: string[],
	origin: string,
	ip: string | null
): Promise<IssuedLink[]> {
	if (participantIds.length === 0) return [];
	return db.transaction().execute(async (tx) => {
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
			const url = `${origin}/l/${token}`;
			const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
			const qrCode = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
			links.push({ participantId: person.id, name: person.name, url, qrCode });
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
	});
}
