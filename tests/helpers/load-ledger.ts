import type { Answers } from '../../src/lib/survey/page-answers';

/**
 * What the client learned from one request: `acked` (the app said it was done), `refused` (the
 * app said no, so nothing may have changed), or `lost` (no answer came: it may or may not have
 * happened).
 */
export type Outcome = 'acked' | 'refused' | 'lost';

export interface SaveAttempt {
	assignmentId: string;
	page: number;
	answers: Answers;
	outcome: Outcome;
}

export interface SubmitAttempt {
	assignmentId: string;
	outcome: Outcome;
	/** When the acknowledgement arrived. */
	ackedAt: number | null;
}

/** Every save and submit the simulated participants sent, in the order each person sent them. */
export class LoadLedger {
	readonly saves: SaveAttempt[] = [];
	readonly submits: SubmitAttempt[] = [];
	/** `POST /p/a/…/page/2 → 500`: any 5xx response, which no load may cause. */
	readonly serverErrors: string[] = [];
	/** Requests that got no reply (`GET /p → TypeError: fetch failed (ECONNRESET)`). */
	readonly lostReplies: string[] = [];
	/** Answers the app gave that a person following the form could not expect. */
	readonly surprises: string[] = [];
	#acked = 0;
	#onAck: (() => void) | null = null;

	/** Adds an attempt before it is sent, so the order is the order of sending. */
	startSave(assignmentId: string, page: number, answers: Answers): SaveAttempt {
		const attempt: SaveAttempt = { assignmentId, page, answers, outcome: 'lost' };
		this.saves.push(attempt);
		return attempt;
	}

	startSubmit(assignmentId: string): SubmitAttempt {
		const attempt: SubmitAttempt = { assignmentId, outcome: 'lost', ackedAt: null };
		this.submits.push(attempt);
		return attempt;
	}

	acknowledge(attempt: SaveAttempt | SubmitAttempt): void {
		attempt.outcome = 'acked';
		if ('ackedAt' in attempt) attempt.ackedAt = Date.now();
		else {
			this.#acked++;
			this.#onAck?.();
		}
	}

	get ackedSaves(): number {
		return this.#acked;
	}

	/** Resolves once `count` saves have been acknowledged. */
	whenAcked(count: number): Promise<void> {
		return new Promise((resolve) => {
			this.#onAck = () => {
				if (this.#acked >= count) resolve();
			};
			this.#onAck();
		});
	}
}
