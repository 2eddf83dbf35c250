import { requireStaffSurvey } from '$lib/server/survey/access';
import { checkPageData, submitSurvey } from '$lib/server/survey/page-flow';

export async function load(event) {
	return checkPageData(await requireStaffSurvey(event));
}

export const actions = {
	default: async (event) => submitSurvey(await requireStaffSurvey(event))
};
