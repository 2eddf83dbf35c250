import { hash, verify } from '@node-rs/argon2';
import { inPasswordSlot, type PasswordSlot } from './password-work';

// OWASP's argon2id minimum: 19 MiB, two passes, one lane.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return inPasswordSlot(() => hash(password, ARGON2ID));
}

async function check(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** Checks a password in the bounded queue (password-work.ts), in `slot` when one is reserved. */
export function verifyPassword(
	passwordHash: string,
	password: string,
	slot?: PasswordSlot
): Promise<boolean> {
	const work = () => check(passwordHash, password);
	return slot ? slot.run(work) : inPasswordSlot(work);
}

let dummyHash: Promise<string> | null = null;

/** Spends the same time as a real check, so response times do not reveal which emails exist. */
export async function verifyAgainstDummy(password: string, slot?: PasswordSlot): Promise<false> {
	dummyHash ??= hash('tandem-dummy-password-for-timing', ARGON2ID);
	await verifyPassword(await dummyHash, password, slot);
	return false;
}
