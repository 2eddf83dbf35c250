import { createTOTPKeyURI, generateHOTP, verifyHOTP } from '@oslojs/otp';
import { encodeBase32NoPadding } from '@oslojs/encoding';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the step before and after are accepted too: phone clocks drift, people type slowly. */
const ACCEPTED_DRIFT_STEPS = 1;

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'used' };

/** 160 random bits, the key size RFC 4226 recommends for HMAC-SHA1. */
export function generateTotpKey(): Uint8Array {
	return crypto.getRandomValues(new Uint8Array(20));
}

export function totpStep(now: number): number {
	return Math.floor(now / (TOTP_PERIOD_SECONDS * 1000));
}

export function totpCodeAt(key: Uint8Array, now: number): string {
	return generateHOTP(key, BigInt(totpStep(now)), TOTP_DIGITS);
}

/** Spaces people type between digit groups are ignored. */
export function normalizeTotpCode(input: string): string {
	return input.replace(/\s/g, '');
}

/**
 * Checks a code against the current step and its neighbours. A step at or before `lastUsedStep`
 * was already used to sign in, so its code (and any older one) is refused: each code works once.
 */
export function checkTotpCode(
	key: Uint8Array,
	input: string,
	now: number,
	lastUsedStep: number | null
): TotpCheck {
	const code = normalizeTotpCode(input);
	if (!/^\d+$/.test(code)) return { ok: false, reason: 'wrong' };
	const current = totpStep(now);
	let used = false;
	for (let step = current - ACCEPTED_DRIFT_STEPS; step <= current + ACCEPTED_DRIFT_STEPS; step++) {
		if (!verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) continue;
		if (lastUsedStep === null || step > lastUsedStep) return { ok: true, step };
		used = true;
	}
	return { ok: false, reason: used ? 'used' : 'wrong' };
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpKeyUri(issuer: string, accountName: string, key: Uint8Array): string {
	return createTOTPKeyURI(issuer, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The key as people type it into an app by hand: base32 in groups of four. */
export function keyForTyping(key: Uint8Array): string {
	return encodeBase32NoPadding(key)
		.match(/.{1,4}/g)!
		.join(' ');
}
