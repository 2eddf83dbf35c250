import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum: 19 MiB, two passes, one lane.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | null = null;

/** Spends the same time as a real check, so response times do not reveal which emails exist. */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('tandem-dummy-password-for-timing');
	await verifyPassword(await dummyHash, password);
	return false;
}
