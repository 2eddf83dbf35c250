/** A seeded random source (mulberry32): the same seed gives the same demo every time. */
export class Random {
	#state: number;

	constructor(seed: number) {
		this.#state = seed >>> 0;
	}

	/** A number in [0, 1). */
	next(): number {
		this.#state = (this.#state + 0x6d2b79f5) >>> 0;
		let t = this.#state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	/** An integer from `min` to `max`, both included. */
	between(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(list: readonly T[]): T {
		if (list.length === 0) throw new Error('Nothing to pick from');
		return list[Math.floor(this.next() * list.length)]!;
	}

	shuffle<T>(list: readonly T[]): T[] {
		const copy = [...list];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[copy[i], copy[j]] = [copy[j]!, copy[i]!];
		}
		return copy;
	}
}
