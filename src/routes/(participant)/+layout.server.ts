import { participantLanguageChoice } from '$lib/server/participants/participant-language';

export async function load({ locals }) {
	return { languageChoice: await participantLanguageChoice(locals.participant) };
}
