import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** 160 bits from the platform CSPRNG, as 32 lower-case base32 characters. */
export function generateSecret(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

/** Only this hash is ever stored; the secret itself lives in the cookie or the link. */
export function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export function secretMatchesHash(secret: string, storedHash: string): boolean {
	const expected = decodeHex(storedHash);
	const actual = sha256(new TextEncoder().encode(secret));
	return constantTimeEqual(actual, expected);
}
