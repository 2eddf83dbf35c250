import { isStaffLocale, PARTICIPANT_LOCALES, participantLocale } from '$lib/i18n/locales';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { getDb } from '../db';
import type { Participant } from '../db/schema';
import { loadProgramLanguages } from '../programs/program-languages';
import { setStaffLanguage } from '../staff/staff';
import { setParticipantLanguage } from './participants';

/**
 * The languages a participant page offers: the program's for a person with a link, every shipped
 * language for anyone else (the page that explains personal links).
 */
export async function participantLanguageChoice(participant: Participant | null) {
	if (!participant) return { languages: PARTICIPANT_LOCALES, current: getLocale() };
	const { offered } = await loadProgramLanguages(getDb(), participant.program_id);
	return { languages: offered, current: participant.language };
}

/**
 * Someone chose a language: a participant gets it when their program offers it, a staff member
 * when it is English or French, a visitor without either any shipped language. Returns the page
 * language to remember in the cookie, or null when the choice is not theirs to make.
 */
export async function chooseLanguage(
	who: { participant: Participant | null; staff: { id: string } | null },
	language: string
): Promise<Locale | null> {
	const locale = participantLocale(language);
	let accepted = !who.participant && !who.staff && locale !== null;
	if (who.participant) {
		const { offered } = await loadProgramLanguages(getDb(), who.participant.program_id);
		if (offered.includes(language)) {
			await setParticipantLanguage(getDb(), who.participant.id, language);
			accepted = true;
		}
	}
	if (who.staff && isStaffLocale(language)) {
		await setStaffLanguage(getDb(), who.staff.id, language);
		accepted = true;
	}
	return accepted ? locale : null;
}
