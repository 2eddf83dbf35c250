import type { MatchLockKind } from '../db/schema';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** More than any program's free protégés: a form with more is not ours. */
const MAX_CHOICES = 5000;

export interface PairChoice {
	mentorId: string;
	protegeId: string;
}

/** "mentorId:protegeId" as a choice; null when it is not one. */
export function parsePairChoice(value: FormDataEntryValue | null): PairChoice | null {
	if (typeof value !== 'string') return null;
	const [mentorId, protegeId, ...rest] = value.split(':');
	if (rest.length > 0 || !mentorId || !protegeId || !ID.test(mentorId) || !ID.test(protegeId))
		return null;
	return { mentorId, protegeId };
}

/** The suggestions checked on the matching page; anything malformed is left out. */
export function checkedPairs(form: FormData): PairChoice[] {
	return form
		.getAll('pair')
		.slice(0, MAX_CHOICES)
		.flatMap((value) => parsePairChoice(value) ?? []);
}

export type LockCommand = PairChoice & { kind: MatchLockKind | 'remove' };

/** The lock button pressed: "must:…:…", "never:…:…" or "remove:…:…"; null otherwise. */
export function lockCommand(form: FormData): LockCommand | null {
	const value = form.get('lock');
	if (typeof value !== 'string') return null;
	const colon = value.indexOf(':');
	const kind = value.slice(0, colon);
	const choice = parsePairChoice(value.slice(colon + 1));
	if (!choice || (kind !== 'must' && kind !== 'never' && kind !== 'remove')) return null;
	return { ...choice, kind };
}
