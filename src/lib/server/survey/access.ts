import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { offeredLanguages, surveyLanguage } from '$lib/instruments/survey-language';
import { surveyPages, type SurveyPage } from '$lib/instruments/survey-pages';
import type { InstrumentDocument, Role, Wave } from '$lib/instruments/types';
import type { Assignment, Participant, Round } from '../db/schema';
import { requireStaff } from '../auth/guards';
import { getDb } from '../db';
import { organizationTimeZone } from '../organizations/time-zone';
import { roundStateAt, type RoundState } from '../rounds/round-state';
import { findOwnAssignment, roundDocument } from './assignments';
import { loadProgramLanguages } from '../programs/program-languages';

/** The participant whose link opened this session, or the page that explains personal links. */
export function requireParticipant(event: Pick<RequestEvent, 'locals'>): Participant {
	if (!event.locals.participant) redirect(303, '/p/no-link');
	return event.locals.participant;
}

/** One person's survey, ready to show: its pages in their language and where its pages live. */
export interface OpenSurvey {
	assignment: Assignment;
	round: Round;
	pages: SurveyPage[];
	language: string;
	/** The program's language, shown under each question when the program asks for it. */
	alsoIn: string | null;
	/** The languages the person may switch to: offered by the program, complete in the survey. */
	offered: string[];
	state: RoundState;
	/** `${base}/page/2`, `${base}/check`, `${base}/done`. */
	base: string;
	/** Where "back to your surveys" and "finish later" lead. */
	exit: string;
}

// A published version never changes: its pages per role, wave and language are worded once.
const wordedPages = new WeakMap<InstrumentDocument, Map<string, SurveyPage[]>>();

function pagesOf(
	document: InstrumentDocument,
	role: Role,
	wave: Wave,
	language: string,
	alsoIn: string | null
) {
	let byKey = wordedPages.get(document);
	if (!byKey) wordedPages.set(document, (byKey = new Map()));
	const key = `${role} ${wave} ${language} ${alsoIn}`;
	let pages = byKey.get(key);
	if (!pages) byKey.set(key, (pages = surveyPages(document, role, wave, language, alsoIn)));
	return pages;
}

/**
 * The survey in the person's language when the program offers it in full (a staff member's is
 * their page language); the program's own language under each question when the program asks
 * for both and the two differ.
 */
async function openSurvey(
	assignment: Assignment,
	round: Round,
	personLanguage: string,
	base: string,
	exit: string
): Promise<OpenSurvey> {
	const db = getDb();
	const [document, zone, program] = await Promise.all([
		roundDocument(db, round),
		organizationTimeZone(db, round.organization_id),
		loadProgramLanguages(db, round.program_id)
	]);
	const offered = offeredLanguages(document, program);
	const language = surveyLanguage(document, program, personLanguage);
	const programLanguage = surveyLanguage(document, program, program.defaultLanguage);
	const alsoIn =
		program.bilingualQuestions && programLanguage !== language ? programLanguage : null;
	const pages = pagesOf(document, assignment.role, round.wave, language, alsoIn);
	const state = roundStateAt(round, zone);
	return { assignment, round, pages, language, alsoIn, offered, state, base, exit };
}

/** One of this participant's surveys; anyone else's is a 404. */
export async function requireOwnSurvey(
	event: Pick<RequestEvent, 'locals' | 'params'>
): Promise<OpenSurvey> {
	const participant = requireParticipant(event);
	if (!participant.consented_at) redirect(303, '/p/consent');
	const own = await findOwnAssignment(
		getDb(),
		participant.id,
		(event.params as { assignmentId: string }).assignmentId
	);
	if (!own) error(404, 'Not found');
	const base = `/p/a/${own.assignment.id}`;
	return openSurvey(own.assignment, own.round, participant.language, base, '/p');
}

/** The signed-in staff member's own staff-version survey of a round of their organization. */
export async function requireStaffSurvey(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url'>
): Promise<OpenSurvey> {
	const staff = requireStaff(event);
	const { programId, roundId } = event.params as { programId: string; roundId: string };
	const db = getDb();
	const round = await db
		.selectFrom('rounds')
		.selectAll()
		.where('id', '=', roundId)
		.where('program_id', '=', programId)
		.where('organization_id', '=', staff.organization_id)
		.executeTakeFirst();
	const assignment = round
		? await db
				.selectFrom('assignments')
				.selectAll()
				.where('round_id', '=', round.id)
				.where('staff_id', '=', staff.id)
				.executeTakeFirst()
		: undefined;
	if (!round || !assignment) error(404, 'Not found');
	const exit = `/programs/${programId}/rounds/${roundId}`;
	return openSurvey(assignment, round, getLocale(), `${exit}/answer`, exit);
}
