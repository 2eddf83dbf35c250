import { generateTOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	checkTotpCode,
	generateTotpKey,
	keyForTyping,
	totpCodeAt,
	totpKeyUri,
	totpStep
} from './totp';

// RFC 6238, appendix B: the SHA-1 key "12345678901234567890"; 6-digit codes are the last six
// digits of the published 8-digit ones.
const RFC_KEY = new TextEncoder().encode('12345678901234567890');
const STEP_MS = 30_000;

afterEach(() => vi.useRealTimers());

describe('TOTP codes with a fixed clock', () => {
	it.each([
		[59_000, '287082'],
		[1_111_111_109_000, '081804'],
		[1_234_567_890_000, '005924'],
		[20_000_000_000_000, '353130']
	])('at %i ms the code is %s (RFC 6238 test vector)', (now, code) => {
		expect(totpCodeAt(RFC_KEY, now)).toBe(code);
	});

	it('agrees with @oslojs/otp reading the system clock', () => {
		vi.useFakeTimers({ now: 1_700_000_000_000 });
		const key = generateTotpKey();
		expect(totpCodeAt(key, Date.now())).toBe(generateTOTP(key, 30, 6));
	});

	const now = 1_700_000_012_345;
	const key = RFC_KEY;
	const current = totpStep(now);

	it.each([
		['the current step', 0],
		['the previous step', -1],
		['the next step', 1]
	])('accepts the code of %s', (_label, offset) => {
		const code = totpCodeAt(key, now + offset * STEP_MS);
		expect(checkTotpCode(key, code, now, null)).toEqual({ ok: true, step: current + offset });
	});

	it.each([
		['two steps back', -2],
		['two steps ahead', 2],
		['ten minutes old', -20]
	])('refuses a code from %s', (_label, offset) => {
		const code = totpCodeAt(key, now + offset * STEP_MS);
		expect(checkTotpCode(key, code, now, null)).toEqual({ ok: false, reason: 'wrong' });
	});

	it('refuses a code of another key, letters, and the wrong length', () => {
		const code = totpCodeAt(key, now);
		expect(checkTotpCode(generateTotpKey(), code, now, null).ok).toBe(false);
		expect(checkTotpCode(key, code.slice(0, 5), now, null).ok).toBe(false);
		expect(checkTotpCode(key, `${code}0`, now, null).ok).toBe(false);
		expect(checkTotpCode(key, 'abcdef', now, null).ok).toBe(false);
	});

	it('ignores spaces typed between digit groups', () => {
		const code = totpCodeAt(key, now);
		expect(checkTotpCode(key, ` ${code.slice(0, 3)} ${code.slice(3)} `, now, null).ok).toBe(true);
	});

	it('accepts each code once: a step already used, or an older one, is refused', () => {
		const code = totpCodeAt(key, now);
		const first = checkTotpCode(key, code, now, null);
		expect(first).toEqual({ ok: true, step: current });
		expect(checkTotpCode(key, code, now + 1000, current)).toEqual({ ok: false, reason: 'used' });
		const previous = totpCodeAt(key, now - STEP_MS);
		expect(checkTotpCode(key, previous, now, current).ok).toBe(false);
		const next = totpCodeAt(key, now + STEP_MS);
		expect(checkTotpCode(key, next, now, current)).toEqual({ ok: true, step: current + 1 });
	});
});

describe('the key people add to their app', () => {
	it('is 160 random bits', () => {
		expect(generateTotpKey()).toHaveLength(20);
		expect(keyForTyping(generateTotpKey())).not.toBe(keyForTyping(generateTotpKey()));
	});

	it('is typed as base32 in groups of four, and round-trips', () => {
		const key = generateTotpKey();
		const typed = keyForTyping(key);
		expect(typed).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
		expect(decodeBase32IgnorePadding(typed.replaceAll(' ', ''))).toEqual(key);
	});

	it('reaches the app as an otpauth address with issuer, account and period', () => {
		const uri = new URL(totpKeyUri('Tandem (Org One)', 'chidi@example.org', RFC_KEY));
		expect(uri.protocol).toBe('otpauth:');
		expect(uri.searchParams.get('issuer')).toBe('Tandem (Org One)');
		expect(uri.searchParams.get('period')).toBe('30');
		expect(uri.searchParams.get('digits')).toBe('6');
		expect(uri.searchParams.get('secret')).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
	});
});
