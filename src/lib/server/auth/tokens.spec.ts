import { describe, expect, it } from 'vitest';
import { generateSecret, hashSecret, secretMatchesHash } from './tokens';

describe('secrets', () => {
	it('carries at least 128 bits: 32 base32 characters, 5 bits each', () => {
		const secret = generateSecret();
		expect(secret).toMatch(/^[a-z2-7]{32}$/);
		expect(secret.length * 5).toBeGreaterThanOrEqual(128);
	});

	it('never repeats', () => {
		const seen = new Set(Array.from({ length: 2000 }, generateSecret));
		expect(seen.size).toBe(2000);
	});

	it('stores only a SHA-256 hex digest, not the secret', () => {
		const secret = generateSecret();
		const hash = hashSecret(secret);
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(hash).not.toContain(secret);
		// SHA-256("abc"), a published test vector
		expect(hashSecret('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('compares a presented secret with the stored hash', () => {
		const secret = generateSecret();
		const stored = hashSecret(secret);
		expect(secretMatchesHash(secret, stored)).toBe(true);
		expect(secretMatchesHash(secret.slice(0, -1) + 'a', stored)).toBe(secret.endsWith('a'));
		expect(secretMatchesHash('', stored)).toBe(false);
	});
});
