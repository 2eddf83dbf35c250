import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import type { ExportFormat } from '../exports/program-export';
import { attachment } from '../exports/attachment';
import { requireProgramParticipant } from './participant-access';
import { exportParticipant } from './participant-export';

/** The GET handler of a participant's own data: their program's staff only, never cached. */
export async function downloadParticipant(
	event: RequestEvent,
	format: ExportFormat
): Promise<Response> {
	const { staff, participant } = await requireProgramParticipant(event);
	const file = await exportParticipant(
		getDb(),
		staff,
		participant,
		format,
		event.getClientAddress()
	);
	return attachment(file);
}
