import { requireOwnSurvey } from '$lib/server/survey/access';
import { checkPageData, submitSurvey } from '$lib/server/survey/page-flow';

export async function load(event) {
	return checkPageData(await requireOwnSurvey(event));
}

export const actions = {
	default: async (event) => submitSurvey(await requireOwnSurvey(event))
};
