import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** Record ids: random and URL-safe, so an id reveals nothing about how many records exist. */
export function generateId(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
}
