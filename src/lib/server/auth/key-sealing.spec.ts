import { describe, expect, it } from 'vitest';
import { openKey, sealKey, sealingKeyFromEnv } from './key-sealing';

const key = new Uint8Array(Array.from({ length: 20 }, (_, i) => i + 1));
const sealing = sealingKeyFromEnv({ TOTP_ENCRYPTION_KEY: 'x'.repeat(40) });
const otherSealing = sealingKeyFromEnv({ TOTP_ENCRYPTION_KEY: 'y'.repeat(40) });

describe('sealing TOTP keys', () => {
	it('encrypts when a sealing key is configured: nothing of the key shows, and it opens again', () => {
		const sealed = sealKey(key, 'staff-1', sealing);
		expect(sealed).toMatch(/^aes256gcm:/);
		expect(sealed).not.toContain(Buffer.from(key).toString('base64'));
		expect(sealKey(key, 'staff-1', sealing)).not.toBe(sealed);
		expect(openKey(sealed, 'staff-1', sealing)).toEqual(key);
	});

	it('refuses to open with another sealing key, none, or for another staff member', () => {
		const sealed = sealKey(key, 'staff-1', sealing);
		expect(() => openKey(sealed, 'staff-1', otherSealing)).toThrow();
		expect(() => openKey(sealed, 'staff-1', null)).toThrow(/TOTP_ENCRYPTION_KEY/);
		expect(() => openKey(sealed, 'staff-2', sealing)).toThrow();
	});

	it('stores the key as is without a sealing key, and still reads it once one is set', () => {
		const sealed = sealKey(key, 'staff-1', null);
		expect(sealed).toMatch(/^plain:/);
		expect(openKey(sealed, 'staff-1', null)).toEqual(key);
		expect(openKey(sealed, 'staff-1', sealing)).toEqual(key);
	});

	it('reads the sealing key from the environment and refuses a short one', () => {
		expect(sealingKeyFromEnv({})).toBeNull();
		expect(sealing).toHaveLength(32);
		expect(() => sealingKeyFromEnv({ TOTP_ENCRYPTION_KEY: 'short' })).toThrow(/32 characters/);
	});
});
