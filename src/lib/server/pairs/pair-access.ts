import { recordAudit } from '../audit/audit';
import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb, type DbOrTx } from '../db';
import type { Program, StaffUserRow } from '../db/schema';
import { requireProgram } from '../programs/access';
import { findPair, type PairView } from './pairs';

/** The signed-in staff member and a pair of their organization's program, or a 404. */
export async function requirePair(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>
): Promise<{ staff: StaffUserRow; program: Program; pair: PairView }> {
	const { staff, program } = await requireProgram(event);
	const pairId = (event.params as { pairId?: string }).pairId ?? '';
	const pair = await findPair(getDb(), staff.organization_id, program.id, pairId);
	if (!pair) error(404, 'Not found');
	return { staff, program, pair };
}

export async function isOwnPair(
	db: DbOrTx,
	organizationId: string,
	pairId: string
): Promise<boolean> {
	const row = await db
		.selectFrom('pairs')
		.select('id')
		.where('id', '=', pairId)
		.where('organization_id', '=', organizationId)
		.executeTakeFirst();
	return row !== undefined;
}

/** A staff member opened a page that shows a pair's answers: the audit log keeps who and when. */
export async function recordPairAnswersViewed(
	db: DbOrTx,
	staff: StaffUserRow,
	pairId: string,
	ip: string | null
): Promise<void> {
	await recordAudit(db, {
		organizationId: staff.organization_id,
		actorStaffId: staff.id,
		action: 'pair.answers_viewed',
		targetType: 'pair',
		targetId: pairId,
		ip
	});
}
