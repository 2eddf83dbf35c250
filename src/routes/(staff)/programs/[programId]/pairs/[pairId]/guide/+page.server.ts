import { isPageOpening } from '$lib/server/audit/page-opening';
import { getDb } from '$lib/server/db';
import { recordPairAnswersViewed, requirePair } from '$lib/server/pairs/pair-access';
import { staffPairGuide } from '$lib/server/survey/conversation-guide';

export async function load(event) {
	const { staff, program, pair } = await requirePair(event);
	const db = getDb();
	const guide = await staffPairGuide(db, pair);
	if (isPageOpening(event))
		await recordPairAnswersViewed(db, staff, pair.id, event.getClientAddress());
	return {
		program: { id: program.id },
		pair: { id: pair.id, mentorName: pair.mentorName, protegeName: pair.protegeName },
		guide
	};
}
