import { availableParallelism } from 'node:os';

/**
 * Password hashing (argon2id, 19 MiB and tens of milliseconds of CPU each) in front of a bounded
 * queue: at most PASSWORD_SLOTS run at once, leaving a core to answer everyone else, and at most
 * PASSWORD_WAITING wait. A flood of sign-ins is refused at the door (503, try again shortly)
 * instead of piling up behind one another and slowing every page and the health check.
 */
export const PASSWORD_SLOTS = Math.min(4, Math.max(1, availableParallelism() - 1));
export const PASSWORD_WAITING = 16 * PASSWORD_SLOTS;

/** How long a refused person should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

/** A place in the queue, held from before the work is known to be needed until it is done. */
export interface PasswordSlot {
	/** Runs the work once a slot is free; the place is given back when it ends. */
	run<T>(work: () => Promise<T>): Promise<T>;
	/** Gives the place back without running anything (the attempt was refused first). */
	release(): void;
}

let running = 0;
let held = 0;
const ready: (() => void)[] = [];

function place(): PasswordSlot {
	held += 1;
	let done = false;
	const finish = () => {
		if (done) return;
		done = true;
		held -= 1;
	};
	return {
		async run(work) {
			if (done) throw new Error('This password slot was already used.');
			// A slot ending is handed straight to the next in line, so none is taken twice.
			if (running < PASSWORD_SLOTS) running += 1;
			else await new Promise<void>((resolve) => ready.push(resolve));
			try {
				return await work();
			} finally {
				finish();
				const next = ready.shift();
				if (next) next();
				else running -= 1;
			}
		},
		release: finish
	};
}

/** Whether the queue is full right now: a flood is turned away before any other work. */
export function passwordQueueIsFull(): boolean {
	return held >= PASSWORD_SLOTS + PASSWORD_WAITING;
}

/** A place in the queue, or null when it is full: the caller answers "busy, try again". */
export function reservePasswordSlot(): PasswordSlot | null {
	return passwordQueueIsFull() ? null : place();
}

/** Runs password work in the queue, waiting however long it is (signed-in and one-time flows). */
export function inPasswordSlot<T>(work: () => Promise<T>): Promise<T> {
	return place().run(work);
}
