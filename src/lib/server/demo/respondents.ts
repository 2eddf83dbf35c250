import type { Db } from '../db';
import type { InstrumentDocument, ItemDocument } from '$lib/instruments/types';
import type { Answers } from '$lib/survey/page-answers';
import { submitSurvey } from './answer-writer';
import type { Calendar, OpenDays } from './calendar';
import { draftPairMid, draftPairPre, draftStakeholder, type Side } from './draft-answers';
import type { Language } from './people';
import type { Random } from './random';
import { roughen } from './roughen';
import { STORIES, type StoryName } from './stories';
import { typicalMid, typicalPre, type ProgramKind } from './typical-answers';

type Wave = 'pre' | 'mid';

export interface DemoRound {
	id: string;
	wave: Wave;
	days: OpenDays;
}

export interface AnsweringContext {
	db: Db;
	document: InstrumentDocument;
	program: ProgramKind;
	rounds: DemoRound[];
	calendar: Calendar;
	random: Random;
}

export interface Person {
	id: string;
	language: Language;
}

export interface StoryPair {
	pairId: string;
	story: StoryName;
	variant: number;
	mentor: Person;
	protege: Person;
}

function itemsOf(document: InstrumentDocument): Record<Wave, ItemDocument[]> {
	const items = document.constructs.flatMap((c) => c.items);
	return { pre: items.filter((i) => i.wave === 'pre'), mid: items.filter((i) => i.wave === 'mid') };
}

export async function assignmentOf(
	db: Db,
	roundId: string,
	who: { participantId: string } | { staffId: string }
): Promise<string> {
	const row = await db
		.selectFrom('assignments')
		.select('id')
		.where('round_id', '=', roundId)
		.where((eb) =>
			'staffId' in who
				? eb('staff_id', '=', who.staffId)
				: eb('participant_id', '=', who.participantId)
		)
		.executeTakeFirstOrThrow();
	return row.id;
}

/** The pair's answers in every round, as its story tells them; who stays silent stays unanswered. */
export async function answerAsPair(context: AnsweringContext, pair: StoryPair): Promise<void> {
	const { db, document, random } = context;
	const language = { mentor: pair.mentor.language, protege: pair.protege.language };
	const plan = STORIES[pair.story]({ variant: pair.variant, language });
	const items = itemsOf(document);
	const drafted = draftPairPre(items.pre, typicalPre(context.program, 'protege'), random);
	const pre = {
		mentor: { ...drafted.mentor, ...plan.pre.mentor },
		protege: { ...drafted.protege, ...plan.pre.protege }
	};
	const midDraft = draftPairMid(items.mid, items.pre, pre, typicalMid('protege'), random);
	const answers = { pre, mid: midDraft };
	for (const round of context.rounds) {
		for (const side of ['mentor', 'protege'] as Side[]) {
			if (!plan.sends[round.wave][side]) continue;
			const person = pair[side];
			const who = { role: side, language: person.language };
			await submitSurvey(db, document, {
				assignmentId: await assignmentOf(db, round.id, { participantId: person.id }),
				participantId: person.id,
				role: side,
				wave: round.wave,
				language: person.language,
				answers: roughen(
					items[round.wave],
					answers[round.wave][side],
					plan[round.wave][side],
					who,
					random
				),
				startedAt: context.calendar.during(round.days, random.next())
			});
		}
	}
}

export type Stakeholder =
	| { role: 'employer'; participantId: string; language: Language }
	| { role: 'staff'; staffId: string; language: Language };

/** An employer contact's or a coordinator's answers, in the rounds they have answered. */
export async function answerAsStakeholder(
	context: AnsweringContext,
	who: Stakeholder,
	rounds: DemoRound[]
): Promise<void> {
	const { db, document, random } = context;
	const items = itemsOf(document);
	const pre = draftStakeholder(
		items.pre,
		items.pre,
		{},
		typicalPre(context.program, who.role),
		random
	);
	const answers: Record<Wave, Answers> = {
		pre,
		mid: draftStakeholder(items.mid, items.pre, pre, typicalMid(who.role), random)
	};
	for (const round of rounds) {
		await submitSurvey(db, document, {
			assignmentId: await assignmentOf(db, round.id, who),
			participantId: who.role === 'employer' ? who.participantId : null,
			role: who.role,
			wave: round.wave,
			language: who.language,
			answers: roughen(items[round.wave], answers[round.wave], {}, who, random),
			startedAt: context.calendar.during(round.days, random.next())
		});
	}
}
