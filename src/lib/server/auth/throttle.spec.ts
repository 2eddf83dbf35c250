import { describe, expect, it } from 'vitest';
import { SlidingWindowLimit } from './throttle';

const MINUTE = 60_000;

describe('SlidingWindowLimit', () => {
	it('lets nine failures through and stops the tenth try', () => {
		const throttle = new SlidingWindowLimit(10, 10 * MINUTE);
		for (let i = 0; i < 9; i++) throttle.record('ip:1', i * 1000);
		expect(throttle.retryAfterMs('ip:1', 9_500)).toBe(0);
		throttle.record('ip:1', 9_500);
		expect(throttle.retryAfterMs('ip:1', 10_000)).toBe(10 * MINUTE - 10_000);
	});

	it('opens again when the oldest failure leaves the window', () => {
		const throttle = new SlidingWindowLimit(3, MINUTE);
		[0, 10_000, 20_000].forEach((t) => throttle.record('k', t));
		expect(throttle.retryAfterMs('k', 59_999)).toBe(1);
		expect(throttle.retryAfterMs('k', 60_000)).toBe(0);
	});

	it('keeps keys apart and forgets a key on reset', () => {
		const throttle = new SlidingWindowLimit(1, MINUTE);
		throttle.record('a', 0);
		expect(throttle.retryAfterMs('a', 1)).toBeGreaterThan(0);
		expect(throttle.retryAfterMs('b', 1)).toBe(0);
		throttle.reset('a');
		expect(throttle.retryAfterMs('a', 1)).toBe(0);
	});
});
