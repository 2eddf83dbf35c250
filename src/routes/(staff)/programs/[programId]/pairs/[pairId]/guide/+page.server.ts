import { recordAudit } from '$lib/server/audit/audit';
import { getDb } from '$lib/server/db';
import { requirePair } from '$lib/server/pairs/pair-access';
import { staffPairGuide } from '$lib/server/survey/conversation-guide';

export async function load(event) {
	const { staff, program, pair } = await requirePair(event);
	const db = getDb();
	const guide = await staffPairGuide(db, pair);
	await recordAudit(db, {
		organizationId: staff.organization_id,
		actorStaffId: staff.id,
		action: 'pair.answers_viewed',
		targetType: 'pair',
		targetId: pair.id,
		ip: event.getClientAddress()
	});
	return {
		program: { id: program.id },
		pair: { id: pair.id, mentorName: pair.mentorName, protegeName: pair.protegeName },
		guide
	};
}
