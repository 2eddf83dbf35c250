import { describe, expect, it } from 'vitest';
import { FailureThrottle } from './throttle';

const MINUTE = 60_000;

describe('FailureThrottle', () => {
	it('lets nine failures through and stops the tenth try', () => {
		const throttle = new FailureThrottle(10, 10 * MINUTE);
		for (let i = 0; i < 9; i++) throttle.recordFailure('ip:1', i * 1000);
		expect(throttle.retryAfterMs('ip:1', 9_500)).toBe(0);
		throttle.recordFailure('ip:1', 9_500);
		expect(throttle.retryAfterMs('ip:1', 10_000)).toBe(10 * MINUTE - 10_000);
	});

	it('opens again when the oldest failure leaves the window', () => {
		const throttle = new FailureThrottle(3, MINUTE);
		[0, 10_000, 20_000].forEach((t) => throttle.recordFailure('k', t));
		expect(throttle.retryAfterMs('k', 59_999)).toBe(1);
		expect(throttle.retryAfterMs('k', 60_000)).toBe(0);
	});

	it('keeps keys apart and forgets a key on reset', () => {
		const throttle = new FailureThrottle(1, MINUTE);
		throttle.recordFailure('a', 0);
		expect(throttle.retryAfterMs('a', 1)).toBeGreaterThan(0);
		expect(throttle.retryAfterMs('b', 1)).toBe(0);
		throttle.reset('a');
		expect(throttle.retryAfterMs('a', 1)).toBe(0);
	});
});
