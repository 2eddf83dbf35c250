import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireProgram } from '$lib/server/programs/access';
import { heldSheetKey, LINK_SHEET_MINUTES, openLinkSheet } from '$lib/server/rounds/link-sheets';
import { qrCodeOf } from '$lib/server/rounds/links';
import { findRound } from '$lib/server/rounds/rounds';

/** The links just made, for their maker only, while the sheet lasts. */
export async function load(event) {
	const { staff, program } = await requireProgram(event);
	const { roundId, sheetId } = event.params;
	const round = await findRound(getDb(), staff.organization_id, program.id, roundId);
	if (!round) error(404, 'Not found');
	const sheet = await openLinkSheet(
		getDb(),
		staff,
		round.id,
		sheetId,
		heldSheetKey(event.cookies, sheetId)
	);
	if (sheet === 'not_found') error(404, 'Not found');
	const links =
		sheet === 'gone'
			? null
			: await Promise.all(
					sheet.map(async (link) => ({ ...link, qrCode: await qrCodeOf(link.url) }))
				);
	return { round: { id: round.id, wave: round.wave }, links, minutes: LINK_SHEET_MINUTES };
}
