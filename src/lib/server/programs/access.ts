import { error, type RequestEvent } from '@sveltejs/kit';
import { requireStaff } from '../auth/guards';
import { getDb } from '../db';
import type { Program, StaffUserRow } from '../db/schema';
import { findProgram } from './programs';

/** The signed-in staff member and a program of their organization, or a 404. */
export async function requireProgram(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>
): Promise<{ staff: StaffUserRow; program: Program }> {
	const staff = requireStaff(event);
	const programId = (event.params as { programId?: string }).programId ?? '';
	const program = await findProgram(getDb(), staff.organization_id, programId);
	if (!program) error(404, 'Not found');
	return { staff, program };
}
