import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import type { Participant, Program, StaffUserRow } from '../db/schema';
import { findParticipant } from '../participants/participants';
import { requireProgram } from '../programs/access';

/** The signed-in staff member and a participant of their organization's program, or a 404. */
export async function requireProgramParticipant(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>
): Promise<{ staff: StaffUserRow; program: Program; participant: Participant }> {
	const { staff, program } = await requireProgram(event);
	const participantId = (event.params as { participantId?: string }).participantId ?? '';
	const participant = await findParticipant(
		getDb(),
		staff.organization_id,
		program.id,
		participantId
	);
	if (!participant) error(404, 'Not found');
	return { staff, program, participant };
}
