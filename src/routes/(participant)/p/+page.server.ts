import { redirect } from '@sveltejs/kit';
import { listAgreementLinks } from '$lib/server/agreements/agreements';
import { getDb } from '$lib/server/db';
import { openFollowUps } from '$lib/server/outcomes/follow-up-answers';
import { openCheckIns } from '$lib/server/pulse/check-in-answers';
import { openExitSurveys } from '$lib/server/pulse/exit-surveys';
import { requireParticipant } from '$lib/server/survey/access';
import { participantAssignments } from '$lib/server/survey/assignments';
import { listGuideLinks } from '$lib/server/survey/conversation-guide';

export async function load(event) {
	const participant = requireParticipant(event);
	if (!participant.consented_at) redirect(303, '/p/consent');
	const db = getDb();
	const [surveys, guides, checkIns, exitSurveys, agreements, followUps] = await Promise.all([
		participantAssignments(db, participant),
		listGuideLinks(db, participant),
		openCheckIns(db, participant),
		openExitSurveys(db, participant),
		listAgreementLinks(db, participant),
		openFollowUps(db, participant)
	]);
	return {
		name: participant.name,
		surveys,
		guides,
		checkIns,
		exitSurveys,
		agreements,
		followUps,
		followedUp: event.url.searchParams.has('followed-up'),
		exitSent: event.url.searchParams.has('exit-sent'),
		savedForLater: event.url.searchParams.has('saved'),
		checkedIn: event.url.searchParams.has('checked-in')
	};
}
