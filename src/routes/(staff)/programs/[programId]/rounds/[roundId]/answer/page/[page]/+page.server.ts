import { requireStaffSurvey } from '$lib/server/survey/access';
import { saveSurveyPage, surveyPageData } from '$lib/server/survey/page-flow';

export async function load(event) {
	return surveyPageData(await requireStaffSurvey(event), event.params.page);
}

export const actions = {
	default: async (event) =>
		saveSurveyPage(event.request, await requireStaffSurvey(event), event.params.page)
};
