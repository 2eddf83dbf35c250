import type { DbOrTx } from '../db';
import type { Assignment, Participant, Round } from '../db/schema';
import type { InstrumentDocument } from '$lib/instruments/types';
import { estimatedMinutes } from '$lib/instruments/survey-length';
import { loadVersionDocument } from '../instruments/load-document';
import { roundStateAt, type RoundState } from '../rounds/round-state';

export interface PortalEntry {
	assignmentId: string;
	status: Assignment['status'];
	wave: Round['wave'];
	closesOn: string;
	state: RoundState;
	partnerName: string | null;
	/** About how long the survey takes. */
	minutes: number;
}

/** A participant's surveys, newest round first, each with the partner it is about. */
export async function participantAssignments(
	db: DbOrTx,
	participant: Participant,
	now = Date.now()
): Promise<PortalEntry[]> {
	const rows = await db
		.selectFrom('assignments')
		.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
		.innerJoin('organizations', 'organizations.id', 'rounds.organization_id')
		.leftJoin('pairs', 'pairs.id', 'assignments.pair_id')
		.leftJoin('participants as partner', (join) =>
			join.on((eb) =>
				eb.or([
					eb.and([
						eb('pairs.mentor_id', '=', participant.id),
						eb('partner.id', '=', eb.ref('pairs.protege_id'))
					]),
					eb.and([
						eb('pairs.protege_id', '=', participant.id),
						eb('partner.id', '=', eb.ref('pairs.mentor_id'))
					])
				])
			)
		)
		.select([
			'assignments.id',
			'assignments.status',
			'assignments.role',
			'rounds.instrument_version_id',
			'rounds.wave',
			'rounds.opens_on',
			'rounds.closes_on',
			'rounds.closed_at',
			'organizations.time_zone',
			'partner.name as partnerName'
		])
		.where('assignments.participant_id', '=', participant.id)
		.orderBy('rounds.created_at', 'desc')
		.execute();
	return Promise.all(
		rows.map(async (r) => ({
			assignmentId: r.id,
			status: r.status,
			wave: r.wave,
			closesOn: r.closes_on,
			state: roundStateAt(r, r.time_zone, now),
			partnerName: r.partnerName,
			minutes: estimatedMinutes(await roundDocument(db, r), r.role, r.wave)
		}))
	);
}

export interface OwnAssignment {
	assignment: Assignment;
	round: Round;
}

/** This participant's assignment, or null: another person's survey is a 404. */
export async function findOwnAssignment(
	db: DbOrTx,
	participantId: string,
	assignmentId: string
): Promise<OwnAssignment | null> {
	const assignment = await db
		.selectFrom('assignments')
		.selectAll()
		.where('id', '=', assignmentId)
		.where('participant_id', '=', participantId)
		.executeTakeFirst();
	if (!assignment) return null;
	const round = await db
		.selectFrom('rounds')
		.selectAll()
		.where('id', '=', assignment.round_id)
		.executeTakeFirstOrThrow();
	return { assignment, round };
}

// Published versions never change, so one parse per version serves every request after it.
const publishedDocuments = new Map<string, InstrumentDocument>();

export async function roundDocument(
	db: DbOrTx,
	round: Pick<Round, 'instrument_version_id'>
): Promise<InstrumentDocument> {
	let document = publishedDocuments.get(round.instrument_version_id);
	if (!document) {
		document = (await loadVersionDocument(db, round.instrument_version_id))!;
		if (publishedDocuments.size > 100) publishedDocuments.clear();
		publishedDocuments.set(round.instrument_version_id, document);
	}
	return document;
}
