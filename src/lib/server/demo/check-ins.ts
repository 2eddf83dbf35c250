import type { Db } from '../db';
import { deliverDueMessages } from '../mail/deliver';
import { answerCheckIn } from '../pulse/check-in-answers';
import { sendDueCheckIns } from '../pulse/check-in-schedule';
import type { Calendar } from './calendar';
import type { Random } from './random';
import type { StoryName } from './stories';

/** What one person answers at a check-in; null: they leave it unanswered. */
type Reply = { in_touch: 'yes' | 'no'; going: number; wants_contact: 'yes' | 'no' } | null;

const fine = (going: number): Reply => ({ in_touch: 'yes', going, wants_contact: 'no' });

/**
 * How each story answers its check-ins, step by step, protégé then mentor: pairs that go well
 * say so (now and then someone forgets); a pair whose meeting rhythm was never agreed falls
 * silent twice in a row; fading commitment shows in lower ratings; the silent pair answers
 * nothing; the pair whose protégé asked for contact at `mid` asks again.
 */
function replyOf(
	story: StoryName,
	step: number,
	side: 'protege' | 'mentor',
	random: Random
): Reply {
	switch (story) {
		case 'silent':
			return null;
		case 'frequency_mismatch':
			return side === 'protege' ? { in_touch: 'no', going: 3, wants_contact: 'no' } : fine(3);
		case 'fading_commitment':
			return side === 'protege' ? fine(step === 0 ? 3 : 2) : fine(3);
		case 'contact_request':
			return side === 'protege' ? { in_touch: 'yes', going: 3, wants_contact: 'yes' } : fine(4);
		case 'referral_gap':
			return fine(3);
		case 'well_aligned':
			return random.chance(0.15) ? null : fine(random.pick([4, 5, 5]));
	}
}

/** The days (from today) on which the scheduler ran for a program's pairs: each step's due day. */
export async function seedCheckIns(
	db: Db,
	calendar: Calendar,
	random: Random,
	programId: string,
	pairs: readonly { pairId: string; story: StoryName }[],
	scheduledOn: readonly number[]
): Promise<void> {
	const storyOf = new Map(pairs.map((p) => [p.pairId, p.story]));
	for (const day of scheduledOn) {
		// The demo's mail goes nowhere; delivered, it leaves the outbox as a real pass would.
		await sendDueCheckIns(db, 'https://tandem.example', calendar.at(day));
		await deliverDueMessages(db, { send: async () => {} }, calendar.at(day));
		const made = await db
			.selectFrom('pulse_check_ins')
			.selectAll()
			.where('program_id', '=', programId)
			.where('answered_at', 'is', null)
			.where('created_at', '=', calendar.at(day))
			.orderBy('pair_id')
			.orderBy('role', 'desc')
			.execute();
		for (const checkIn of made) {
			const reply = replyOf(storyOf.get(checkIn.pair_id)!, checkIn.step, checkIn.role, random);
			if (!reply) continue;
			const form = new FormData();
			for (const [name, value] of Object.entries(reply)) form.set(name, String(value));
			const answeredAt = calendar.at(day + random.between(0, 2)) + random.between(1, 600) * 60_000;
			await answerCheckIn(db, checkIn, form, Math.min(answeredAt, calendar.now));
		}
	}
}
