import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { surveyPages, type SurveyPage } from '$lib/instruments/survey-pages';
import type { Participant } from '../db/schema';
import { getDb } from '../db';
import { roundState, type RoundState } from '../rounds/round-state';
import { findOwnAssignment, roundDocument, type OwnAssignment } from './assignments';

/** The participant whose link opened this session, or the page that explains personal links. */
export function requireParticipant(event: Pick<RequestEvent, 'locals'>): Participant {
	if (!event.locals.participant) redirect(303, '/p/no-link');
	return event.locals.participant;
}

export interface OpenSurvey extends OwnAssignment {
	participant: Participant;
	pages: SurveyPage[];
	language: string;
	state: RoundState;
}

/** One of this participant's surveys with its pages in their language; anyone else's is a 404. */
export async function requireOwnSurvey(
	event: Pick<RequestEvent, 'locals' | 'params'>
): Promise<OpenSurvey> {
	const participant = requireParticipant(event);
	if (!participant.consented_at) redirect(303, '/p/consent');
	const db = getDb();
	const own = await findOwnAssignment(
		db,
		participant.id,
		(event.params as { assignmentId: string }).assignmentId
	);
	if (!own) error(404, 'Not found');
	const document = await roundDocument(db, own.round);
	const locale = getLocale();
	const language = document.languages.includes(locale) ? locale : document.languages[0]!;
	const pages = surveyPages(document, own.assignment.role, own.round.wave, language);
	return { ...own, participant, pages, language, state: roundState(own.round) };
}
