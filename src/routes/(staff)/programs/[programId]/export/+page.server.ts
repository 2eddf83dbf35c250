import { getDb } from '$lib/server/db';
import { countSentSurveys } from '$lib/server/exports/sent-surveys';
import { requireProgram } from '$lib/server/programs/access';

export async function load(event) {
	const { program } = await requireProgram(event);
	return { sentSurveys: await countSentSurveys(getDb(), program) };
}
