import type { Db } from '../db';
import type { Program } from '../db/schema';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../instruments/instruments';
import { createProgram, updateProgram, type ProgramInput } from './programs';

export async function createProgramAs(
	db: Db,
	actor: Actor,
	input: ProgramInput,
	ip: string | null
): Promise<string> {
	return db.transaction().execute(async (tx) => {
		const id = await createProgram(tx, actor.organization_id, input);
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: 'program.created',
			targetType: 'program',
			targetId: id,
			detail: { name: input.name },
			ip
		});
		return id;
	});
}

/** Saves the program's settings; moving it to `closed` is audited as closing. */
export async function updateProgramAs(
	db: Db,
	actor: Actor,
	program: Program,
	input: ProgramInput,
	ip: string | null
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		await updateProgram(tx, program.id, input);
		const closing = input.status === 'closed' && program.status !== 'closed';
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: closing ? 'program.closed' : 'program.updated',
			targetType: 'program',
			targetId: program.id,
			ip
		});
	});
}
