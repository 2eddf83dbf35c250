import type { InstrumentDocument, ItemDocument, Role } from '../../src/lib/instruments/types';
import type { Db } from '../../src/lib/server/db/open';
import type { Round } from '../../src/lib/server/db/schema';
import { savePageAnswers, submitAssignment } from '../../src/lib/server/survey/answers';
import { roundDocument } from '../../src/lib/server/survey/assignments';
import type { Answers } from '../../src/lib/survey/page-answers';

/** Picks one item's answer from its options ("don't know" left out). */
export type Pick = (item: ItemDocument, options: string[]) => string[];

/** The first option of every list, 0 for numbers. */
export const lowEnd: Pick = (item, options) =>
	item.type === 'number' ? ['0'] : item.type === 'text' ? ['low'] : [options[0]!];

/** The last option of every list, 10 for numbers. */
export const highEnd: Pick = (item, options) =>
	item.type === 'number' ? ['10'] : item.type === 'text' ? ['high'] : [options.at(-1)!];

export interface Survey {
	round: Round;
	document: InstrumentDocument;
}

export async function surveyOf(db: Db, roundId: string): Promise<Survey> {
	const round = await db
		.selectFrom('rounds')
		.selectAll()
		.where('id', '=', roundId)
		.executeTakeFirstOrThrow();
	return { round, document: await roundDocument(db, round) };
}

/** The items of the round's wave this role is asked. */
export function itemsFor({ round, document }: Survey, role: Role): ItemDocument[] {
	return document.constructs
		.flatMap((construct) => construct.items)
		.filter((item) => item.wave === round.wave && item.wording[role]);
}

export async function assignmentOf(
	db: Db,
	roundId: string,
	person: { participantId: string } | { staffId: string }
): Promise<string> {
	const column = 'participantId' in person ? 'participant_id' : 'staff_id';
	const id = 'participantId' in person ? person.participantId : person.staffId;
	const row = await db
		.selectFrom('assignments')
		.select('id')
		.where('round_id', '=', roundId)
		.where(column, '=', id)
		.executeTakeFirstOrThrow();
	return row.id;
}

/**
 * Answers every question the role is asked, as `pick` says, with `changes` on top, and sends the
 * survey (or leaves it in progress).
 */
export async function answerSurvey(
	db: Db,
	survey: Survey,
	role: Role,
	assignmentId: string,
	pick: Pick,
	{ changes = {}, submit = true }: { changes?: Answers; submit?: boolean } = {}
): Promise<Answers> {
	const items = itemsFor(survey, role);
	const answers: Answers = {};
	for (const item of items)
		answers[item.key] = pick(
			item,
			(item.options ?? []).filter((o) => !o.missing).map((o) => o.value)
		);
	Object.assign(answers, changes);
	const multi = new Set(items.filter((item) => item.type === 'multi').map((item) => item.key));
	await savePageAnswers(db, assignmentId, answers, 1, multi);
	if (submit) await submitAssignment(db, assignmentId);
	return answers;
}
