import type { WorkStatus } from '$lib/outcomes/follow-ups';
import { followUpDueOn } from '$lib/outcomes/follow-ups';
import { daysBetween } from '$lib/time/days';
import { deliverDueMessages } from '../mail/deliver';
import { answerFollowUp } from '../outcomes/follow-up-answers';
import { sendDueFollowUps } from '../outcomes/follow-up-schedule';
import { changePairStatus } from '../pairs/pair-actions';
import type { ProgramTimeline } from './calendar';
import { PeopleDrawer } from './people';
import { Random } from './random';
import { seedProgram, type DemoPair, type Seeding } from './seed-program';
import type { StoryName } from './stories';

/** A cohort of the year before: paired, surveyed, ended, and followed up after 3, 6 and 12 months. */
export const FINISHED_TIMELINE: ProgramTimeline = {
	created: -565,
	peopleAdded: -550,
	starts: -540,
	paired: -538,
	ends: -420,
	pre: { opens: -535, closes: -521 },
	mid: { opens: -480, closes: -466 }
};

const FINISHED_SEED = 1999;

/**
 * When each story's protégés found work, by their place among the pairs with that story: in
 * their field or another one, and by which follow-up. Well-aligned pairs do better, as programs
 * hope; not all of them, and some others do well too.
 */
const FOUND_WORK: Record<StoryName, { work: WorkStatus; by: number }[]> = {
	well_aligned: [
		...Array(4).fill({ work: 'employed_in_field', by: 3 }),
		...Array(4).fill({ work: 'employed_in_field', by: 6 }),
		...Array(3).fill({ work: 'employed_other_field', by: 6 })
	],
	referral_gap: [
		{ work: 'employed_in_field', by: 6 },
		{ work: 'employed_other_field', by: 3 },
		{ work: 'employed_other_field', by: 12 }
	],
	frequency_mismatch: [
		{ work: 'employed_other_field', by: 3 },
		{ work: 'employed_in_field', by: 12 }
	],
	fading_commitment: [{ work: 'employed_other_field', by: 6 }],
	silent: [{ work: 'not_looking', by: 3 }],
	contact_request: [{ work: 'employed_in_field', by: 6 }]
};

function protegeAnswer(story: StoryName, index: number, months: number): Record<string, string> {
	const found = FOUND_WORK[story][index];
	if (!found || found.by > months) return { work: 'looking' };
	if (found.work === 'not_looking') return { work: 'not_looking' };
	const through = story === 'well_aligned' ? (index % 2 ? 'mentor' : 'referral') : 'other';
	return { work: found.work, found_through: through };
}

/**
 * The finished cohort, seeded after everything else with randomness of its own so the rest of
 * the demo stays as it was: its pairs completed the day after the program ended (the silent ones
 * for want of contact), then each follow-up sent on its day and answered by most people.
 */
export async function seedFinishedProgram(seeding: Seeding, name: string): Promise<DemoPair[]> {
	const random = new Random(FINISHED_SEED);
	const own: Seeding = { ...seeding, random, people: new PeopleDrawer(random) };
	const { db, team, calendar } = own;
	const pairs = await seedProgram(own, {
		kind: 'tech',
		name,
		description:
			'Last year’s IT and engineering cohort: ended, and followed up 3, 6 and 12 months later.',
		timeline: FINISHED_TIMELINE,
		coordinatorPending: false,
		checkInFirstDays: 14
	});
	const ended = calendar.at(FINISHED_TIMELINE.ends + 1);
	for (const pair of pairs) {
		const change = {
			status: 'completed' as const,
			reason: 'The program ended.',
			closureReason: pair.story === 'silent' ? ('no_contact' as const) : ('completed' as const)
		};
		const done = await changePairStatus(
			db,
			team.admin,
			{ id: pair.pairId, status: 'active' },
			change,
			null,
			ended
		);
		if (!done.ok) throw new Error(`Demo completion refused: ${done.reason}`);
	}
	await db
		.updateTable('programs')
		.set({ status: 'closed', closed_at: calendar.at(FINISHED_TIMELINE.ends + 7) })
		.where('id', '=', pairs[0]!.programId)
		.execute();

	const indexOf = new Map<string, { story: StoryName; index: number }>();
	for (const story of new Set(pairs.map((p) => p.story)))
		pairs
			.filter((p) => p.story === story)
			.forEach((p, index) => indexOf.set(p.pairId, { story, index }));
	const endsOn = calendar.date(FINISHED_TIMELINE.ends);
	for (const months of [3, 6, 12]) {
		const day = daysBetween(calendar.date(0), followUpDueOn(endsOn, months));
		await sendDueFollowUps(db, 'https://tandem.example', calendar.at(day));
		await deliverDueMessages(db, { send: async () => {} }, calendar.at(day));
		const made = await db
			.selectFrom('outcome_follow_ups')
			.selectAll()
			.where('program_id', '=', pairs[0]!.programId)
			.where('months', '=', months)
			.orderBy('pair_id')
			.orderBy('role')
			.execute();
		for (const followUp of made) {
			if (random.chance(0.12)) continue;
			const { story, index } = indexOf.get(followUp.pair_id)!;
			const answers =
				followUp.role === 'protege'
					? protegeAnswer(story, index, months)
					: {
							in_touch:
								story === 'well_aligned' && months < 12 ? 'yes' : random.pick(['yes', 'no', 'no'])
						};
			const form = new FormData();
			for (const [key, value] of Object.entries(answers)) form.set(key, value);
			const problems = await answerFollowUp(
				db,
				followUp,
				form,
				calendar.at(day + random.between(1, 9))
			);
			if (problems) throw new Error(`Demo follow-up refused: ${JSON.stringify(problems.errors)}`);
		}
	}
	return pairs;
}
