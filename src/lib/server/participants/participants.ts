import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DbOrTx } from '../db';
import type { Participant, ParticipantRole } from '../db/schema';
import { generateId } from '../util/ids';

export interface ParticipantInput {
	role: ParticipantRole;
	name: string;
	email: string;
	phone: string | null;
	language: string;
	occupation: string | null;
	employerId: string | null;
	consentDate: string | null;
	notes: string;
	/** Matching details; absent ones stay as they are (a new person: none). */
	capacity?: number | null;
	field?: string | null;
	/** Other languages spoken, as codes; the preferred `language` is left out when stored. */
	languages?: string[];
}

function columns(input: ParticipantInput) {
	return {
		role: input.role,
		name: input.name,
		email: input.email.trim().toLowerCase(),
		phone: input.phone,
		language: input.language,
		occupation: input.occupation,
		employer_id: input.employerId,
		consent_date: input.consentDate,
		notes: input.notes,
		capacity: input.role === 'mentor' ? input.capacity : null,
		field: input.field,
		languages: input.languages?.filter((code) => code !== input.language.toLowerCase()).join(',')
	};
}

/** Adds people to a program in one statement batch; callers wrap it in their transaction. */
export async function insertParticipants(
	db: DbOrTx,
	scope: { organizationId: string; programId: string },
	inputs: ParticipantInput[],
	now = Date.now()
): Promise<string[]> {
	const rows = inputs.map((input) => ({
		id: generateId(),
		organization_id: scope.organizationId,
		program_id: scope.programId,
		...columns(input),
		status: 'active' as const,
		withdrawn_at: null,
		withdrawn_reason: null,
		created_at: now,
		updated_at: now
	}));
	for (let i = 0; i < rows.length; i += 200) {
		// A large import lets other requests (the health check, other people's pages) in between.
		if (i > 0) await nextTurn();
		await db
			.insertInto('participants')
			.values(rows.slice(i, i + 200))
			.execute();
	}
	return rows.map((r) => r.id);
}

export async function updateParticipant(
	db: DbOrTx,
	participantId: string,
	input: ParticipantInput,
	now = Date.now()
): Promise<void> {
	await db
		.updateTable('participants')
		.set({ ...columns(input), updated_at: now })
		.where('id', '=', participantId)
		.execute();
}

/** Null when the person is not in this organization's program: callers answer 404. */
export async function findParticipant(
	db: DbOrTx,
	organizationId: string,
	programId: string,
	participantId: string
): Promise<Participant | null> {
	const row = await db
		.selectFrom('participants')
		.selectAll()
		.where('id', '=', participantId)
		.where('program_id', '=', programId)
		.where('organization_id', '=', organizationId)
		.executeTakeFirst();
	return row ?? null;
}

/** Emails already in the program, lower-cased: for duplicate checks before a batch insert. */
export async function programEmails(db: DbOrTx, programId: string): Promise<Set<string>> {
	const rows = await db
		.selectFrom('participants')
		.select('email')
		.where('program_id', '=', programId)
		.execute();
	return new Set(rows.map((r) => r.email));
}

/** The language a participant chose on a survey page, remembered for the next messages too. */
export async function setParticipantLanguage(
	db: DbOrTx,
	participantId: string,
	language: string
): Promise<void> {
	await db.updateTable('participants').set({ language }).where('id', '=', participantId).execute();
}
