/**
 * Counts events per key in a sliding window (failed sign-ins, mail sends). After `limit` inside `windowMs`
 * the key must wait until the oldest of them leaves the window.
 */
export class SlidingWindowLimit {
	readonly #failures = new Map<string, number[]>();

	constructor(
		readonly limit = 10,
		readonly windowMs = 10 * 60_000
	) {}

	/** Milliseconds the key must still wait; 0 when it may try. */
	retryAfterMs(key: string, now = Date.now()): number {
		const recent = this.#recent(key, now);
		if (recent.length < this.limit) return 0;
		return recent[recent.length - this.limit]! + this.windowMs - now;
	}

	record(key: string, now = Date.now()): void {
		const recent = this.#recent(key, now);
		recent.push(now);
		this.#failures.set(key, recent);
		if (this.#failures.size > 50_000) this.#forgetStale(now);
	}

	reset(key: string): void {
		this.#failures.delete(key);
	}

	#recent(key: string, now: number): number[] {
		return (this.#failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
	}

	#forgetStale(now: number): void {
		for (const [key, times] of this.#failures) {
			if (times.every((t) => now - t >= this.windowMs)) this.#failures.delete(key);
		}
	}
}
