import type { DbOrTx } from '../db';
import type { PulseCheckIn } from '../db/schema';

/** One person's answers at one check-in step, or that they have not answered yet. */
export interface PulseView {
	answered: boolean;
	inTouch: boolean | null;
	going: number | null;
	wantsContact: boolean | null;
}

/** One step of a pair's check-ins: when it fell due and what each of them said. */
export interface CheckInStepView {
	step: number;
	dueOn: string;
	mentor: PulseView | null;
	protege: PulseView | null;
}

const flag = (value: number | null) => (value === null ? null : value === 1);

function viewOf(row: PulseCheckIn): PulseView {
	return {
		answered: row.answered_at !== null,
		inTouch: flag(row.in_touch),
		going: row.going,
		wantsContact: flag(row.wants_contact)
	};
}

/** A pair's check-ins, newest step first: the timeline on its page. */
export async function pairCheckIns(db: DbOrTx, pairId: string): Promise<CheckInStepView[]> {
	const rows = await db
		.selectFrom('pulse_check_ins')
		.selectAll()
		.where('pair_id', '=', pairId)
		.orderBy('step', 'desc')
		.execute();
	const steps = new Map<number, CheckInStepView>();
	for (const row of rows) {
		const step = steps.get(row.step) ?? {
			step: row.step,
			dueOn: row.due_on,
			mentor: null,
			protege: null
		};
		step[row.role] = viewOf(row);
		steps.set(row.step, step);
	}
	return [...steps.values()];
}

/** What one step of a program's check-ins says across its pairs. */
export interface CheckInTrendRow {
	step: number;
	sent: number;
	answered: number;
	/** Shares of the answers (0–1), and the mean rating (1–5); null without answers. */
	inTouch: number | null;
	going: number | null;
	contactRequests: number;
}

/** Per step, how many check-ins went out and what their answers say: the trend on the overview. */
export async function checkInTrend(db: DbOrTx, programId: string): Promise<CheckInTrendRow[]> {
	const rows = await db
		.selectFrom('pulse_check_ins')
		.select((eb) => [
			'step',
			eb.fn.countAll().as('sent'),
			eb.fn.count('answered_at').as('answered'),
			eb.fn.sum('in_touch').as('inTouch'),
			eb.fn.count('in_touch').as('touchAnswers'),
			eb.fn.sum('going').as('going'),
			eb.fn.count('going').as('goingAnswers'),
			eb.fn.sum('wants_contact').as('contactRequests')
		])
		.where('program_id', '=', programId)
		.groupBy('step')
		.orderBy('step')
		.execute();
	const share = (sum: unknown, count: unknown) =>
		Number(count) > 0 ? Number(sum) / Number(count) : null;
	return rows.map((row) => ({
		step: row.step,
		sent: Number(row.sent),
		answered: Number(row.answered),
		inTouch: share(row.inTouch, row.touchAnswers),
		going: share(row.going, row.goingAnswers),
		contactRequests: Number(row.contactRequests ?? 0)
	}));
}
