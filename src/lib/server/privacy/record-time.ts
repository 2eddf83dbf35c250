/** Times in a participant's record: ISO 8601 in UTC, or null for "never". */
export const iso = (ms: number | null): string | null =>
	ms === null ? null : new Date(ms).toISOString();
