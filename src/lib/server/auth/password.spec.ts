import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
	it('uses argon2id with 19 MiB, two passes, one lane', async () => {
		const hash = await hashPassword('maple kettle orbit');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'maple kettle orbit')).toBe(true);
		expect(await verifyPassword(hash, 'maple kettle orbiT')).toBe(false);
	});

	it('treats a damaged stored hash as a wrong password', async () => {
		expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
	});
});
