/** Where Tandem's first organizations work; also the fallback when a browser names no zone. */
export const DEFAULT_TIME_ZONE = 'America/Toronto';

let names: readonly string[] | null = null;

/** The IANA time zone names this runtime lists, sorted; `UTC` included. */
export function timeZoneNames(): readonly string[] {
	names ??= Object.freeze(
		[...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort((a, b) =>
			a < b ? -1 : a > b ? 1 : 0
		)
	);
	return names;
}

// "Area/Place" written as IANA writes it; lower-case spellings that Intl would also accept are not.
const IANA_NAME = /^[A-Z][A-Za-z_+-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)+$/;

function runtimeKnows(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/**
 * A listed name, or another IANA name this runtime knows: browsers report current names
 * (`Asia/Kolkata`, `Europe/Kyiv`) where Node's list may still hold the older ones.
 */
export function isValidTimeZone(value: string): boolean {
	return timeZoneNames().includes(value) || (IANA_NAME.test(value) && runtimeKnows(value));
}
