import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';

/**
 * TOTP keys must be readable by the server to check codes, so they cannot be hashed. When
 * TOTP_ENCRYPTION_KEY is set they are stored encrypted (AES-256-GCM, bound to the staff id), and
 * a copy of the database alone does not give working codes. Without it they are stored as is
 * (marked `plain:`); README: "Two-step sign-in".
 */
export const SEALING_KEY_VARIABLE = 'TOTP_ENCRYPTION_KEY';
const MIN_SEALING_KEY_LENGTH = 32;

export function sealingKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer | null {
	const value = env[SEALING_KEY_VARIABLE];
	if (!value) return null;
	if (value.length < MIN_SEALING_KEY_LENGTH) {
		throw new Error(
			`${SEALING_KEY_VARIABLE} must be at least ${MIN_SEALING_KEY_LENGTH} characters`
		);
	}
	return createHash('sha256').update(value).digest();
}

export function sealKey(key: Uint8Array, staffId: string, sealingKey: Buffer | null): string {
	if (!sealingKey) return `plain:${encodeBase64(key)}`;
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', sealingKey, iv);
	cipher.setAAD(Buffer.from(staffId));
	const body = Buffer.concat([cipher.update(key), cipher.final()]);
	return ['aes256gcm', iv, body, cipher.getAuthTag()]
		.map((part) => (typeof part === 'string' ? part : encodeBase64(part)))
		.join(':');
}

/** Throws when the key was sealed with another TOTP_ENCRYPTION_KEY, or with one now missing. */
export function openKey(sealed: string, staffId: string, sealingKey: Buffer | null): Uint8Array {
	const [scheme, ...parts] = sealed.split(':');
	if (scheme === 'plain' && parts.length === 1) return decodeBase64(parts[0]!);
	if (scheme !== 'aes256gcm' || parts.length !== 3) throw new Error('Unknown TOTP key format');
	if (!sealingKey) {
		throw new Error(`A TOTP key is encrypted but ${SEALING_KEY_VARIABLE} is not set`);
	}
	const [iv, body, tag] = parts.map((part) => decodeBase64(part));
	const decipher = createDecipheriv('aes-256-gcm', sealingKey, iv!);
	decipher.setAAD(Buffer.from(staffId));
	decipher.setAuthTag(tag!);
	return new Uint8Array(Buffer.concat([decipher.update(body!), decipher.final()]));
}
