import {
	form,
	pageForm,
	participantFields,
	programFields,
	surveyForm,
	type FormTarget
} from './hostile-forms';
import type { HostileWorld } from './hostile-world';

const program = (w: HostileWorld) => `/programs/${w.programId}`;
const person = (w: HostileWorld, id: string) => `${program(w)}/participants/${id}`;
const draft = (w: HostileWorld) => `/instruments/${w.draftId}`;
const pair = (w: HostileWorld) => `${program(w)}/pairs/${w.pairId}`;
const spareRound = (w: HostileWorld) => `${program(w)}/rounds/${w.spareRoundId}`;
const staffSurvey = (w: HostileWorld) => `${program(w)}/rounds/${w.roundId}/answer`;
const survey = (w: HostileWorld) => `/p/a/${w.participantAssignment}`;

/**
 * Surveys, programs, people, pairs, rounds and answers. Forms that redraw a large page or rewrite
 * a whole survey get fewer cases. Those that end something for good (close a round, publish,
 * withdraw, erase) come after those that need it still open.
 */
export const PROGRAM_FORMS: FormTarget[] = [
	form('add construct', 'coordinator', 40, (w) => `${draft(w)}?/addConstruct`, {
		key: 'fuzz_topic',
		'name.en': 'Topic',
		'name.fr': 'Sujet'
	}),
	form('update construct', 'coordinator', 40, (w) => `${draft(w)}?/updateConstruct`, {
		key: 'focus',
		'name.en': 'Focus of the mentoring',
		'name.fr': 'Objet du mentorat',
		'intro.en': '',
		'intro.fr': '',
		weight: '1'
	}),
	form('move construct', 'coordinator', 30, (w) => `${draft(w)}?/moveConstruct`, {
		key: 'contact',
		direction: 'down'
	}),
	form('remove construct', 'coordinator', 30, (w) => `${draft(w)}?/removeConstruct`, {
		key: 'fuzz_topic',
		confirmed: 'yes'
	}),
	form('add item', 'coordinator', 40, (w) => `${draft(w)}?/addItem`, {
		construct: 'focus',
		key: 'fuzz_item',
		type: 'scale',
		wave: 'pre'
	}),
	form('move item', 'coordinator', 30, (w) => `${draft(w)}?/moveItem`, {
		key: 'focus_job_leads',
		direction: 'up'
	}),
	form('remove item', 'coordinator', 30, (w) => `${draft(w)}?/removeItem`, {
		key: 'fuzz_item',
		confirmed: 'yes'
	}),
	form('add language', 'coordinator', 40, (w) => `${draft(w)}?/addLanguage`, { language: 'es' }),
	pageForm('item editor', 'coordinator', 60, (w) => `${draft(w)}/items/focus_job_leads`),
	form(
		'edit as new version',
		'coordinator',
		15,
		(w) => `/instruments/${w.publishedVersionId}?/edit`
	),
	form(
		'duplicate survey',
		'coordinator',
		6,
		(w) => `/instruments/${w.publishedVersionId}?/duplicate`
	),

	form('new program', 'coordinator', 50, '/programs/new', programFields('Winter cohort')),
	form(
		'edit program',
		'coordinator',
		50,
		(w) => `/programs/${w.otherProgramId}/edit`,
		programFields('Autumn cohort')
	),
	form(
		'new round',
		'coordinator',
		40,
		(w) => `/programs/${w.otherProgramId}/rounds/new`,
		(w) => ({
			versionId: w.publishedVersionId,
			wave: 'pre',
			opensOn: '2027-03-01',
			closesOn: '2027-04-01',
			reminderDays: '3, 7, -1'
		})
	),
	form(
		'add participant',
		'coordinator',
		50,
		(w) => `${program(w)}/participants?/add`,
		(w) => participantFields(w, 'Nora New', 'nora@example.org')
	),
	form(
		'edit participant',
		'coordinator',
		50,
		(w) => `${person(w, w.editMe)}?/save`,
		(w) => participantFields(w, 'Eddie Edit', 'eddie.edit@example.org')
	),
	form('revoke links', 'coordinator', 15, (w) => `${person(w, w.editMe)}?/revokeLinks`),
	form(
		'pair people',
		'coordinator',
		40,
		(w) => `${program(w)}?/pair`,
		(w) => ({
			mentorId: w.mentorFree,
			protegeId: w.protegeFree,
			employerId: w.employerId,
			coordinatorId: w.cody.id
		})
	),
	form('pair status', 'coordinator', 40, (w) => `${pair(w)}?/status`, {
		status: 'paused',
		reason: 'Travelling in May'
	}),
	form('pair note', 'coordinator', 40, (w) => `${pair(w)}?/note`, { body: 'Called them both' }),
	form(
		'follow-up',
		'coordinator',
		40,
		(w) => `${pair(w)}?/followUp`,
		(w) => ({
			what: 'Call back',
			assigneeId: w.cody.id,
			dueOn: '2027-05-01'
		})
	),
	form(
		'follow-up done',
		'coordinator',
		30,
		(w) => `${pair(w)}?/followUpDone`,
		(w) => ({
			followUpId: w.followUpId,
			done: 'true'
		})
	),
	form('confirm import', 'coordinator', 30, (w) => `${program(w)}/import/${w.importId}?/confirm`, {
		createEmployers: 'on'
	}),

	form(
		'round: links sheet',
		'coordinator',
		40,
		(w) => `${spareRound(w)}?/links`,
		(w) => ({
			participantId: [w.mentorFree, w.protegeFree]
		})
	),
	form('round: add latecomers', 'coordinator', 15, (w) => `${spareRound(w)}?/latecomers`),
	form('round: send invitations', 'coordinator', 15, (w) => `${spareRound(w)}?/invite`),
	form('round: send reminders', 'coordinator', 15, (w) => `${spareRound(w)}?/remind`),
	surveyForm('staff survey page', 'coordinator', 50, (w) => `${staffSurvey(w)}/page/1`, 'next'),
	form('staff survey: send', 'coordinator', 15, (w) => `${staffSurvey(w)}/check`),
	form('consent', 'participant', 20, '/p/consent'),
	surveyForm('survey page: next', 'participant', 60, (w) => `${survey(w)}/page/1`, 'next'),
	surveyForm('survey page: back', 'participant', 40, (w) => `${survey(w)}/page/2`, 'back'),
	surveyForm('survey page: finish later', 'participant', 40, (w) => `${survey(w)}/page/3`, 'later'),
	form('survey: send (incomplete)', 'participant', 20, (w) => `${survey(w)}/check`),
	form('survey: send', 'submitter', 20, (w) => `/p/a/${w.submitterAssignment}/check`),

	form('publish', 'coordinator', 15, (w) => `/instruments/${w.publishDraftId}?/publish`),
	form('round: close', 'coordinator', 15, (w) => `${spareRound(w)}?/close`),
	form('withdraw participant', 'coordinator', 30, (w) => `${person(w, w.withdrawMe)}?/withdraw`, {
		reason: 'Moved to another city'
	}),
	form(
		'erase participant',
		'coordinator',
		30,
		(w) => `${person(w, w.eraseMe.id)}/erase`,
		(w) => ({
			mode: 'anonymise',
			confirmName: w.eraseMe.name
		})
	)
];
