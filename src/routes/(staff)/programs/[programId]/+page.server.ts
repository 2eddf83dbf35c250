import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { buildProgramOverview } from '$lib/server/analytics/program-overview-view';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { pairSchema } from '$lib/server/forms/program-schemas';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { previewManualPair } from '$lib/server/matching/matching-view';
import { createPair, type PairRefusal } from '$lib/server/pairs/pair-actions';
import { requireProgram } from '$lib/server/programs/access';

// Drawn on the server alone: every control here is a link or a form, so the page needs none of
// the app's code in the browser; its charts come from the chart island (BarChart.svelte).
export const csr = false;

export async function load(event) {
	const { program } = await requireProgram(event);
	const overview = await buildProgramOverview(
		getDb(),
		program,
		event.url.searchParams,
		getLocale()
	);
	return { details: program, ...overview };
}

const refusals: Record<PairRefusal, [string, () => string]> = {
	not_found: ['form', m.error_pair_not_found],
	withdrawn: ['form', m.error_pair_withdrawn],
	mentor_taken: ['mentorId', m.error_pair_mentor_taken],
	protege_taken: ['protegeId', m.error_pair_protege_taken],
	same_status: ['form', m.error_pair_same_status],
	final: ['form', m.error_pair_final],
	closure_reason: ['form', m.error_closure_reason],
	program_closed: ['form', m.error_program_closed]
};

export const actions = {
	pair: async (event) => {
		const { staff, program } = await requireProgram(event);
		const form = await readForm(event.request, pairSchema, [
			'mentorId',
			'protegeId',
			'employerId',
			'coordinatorId'
		]);
		if (!form.ok) return form.failure;
		const { confirmed, ...pair } = form.data;
		if (!confirmed) {
			const preview = await previewManualPair(getDb(), program, pair, getLocale());
			if (preview?.suggested) {
				const values = Object.fromEntries(
					Object.entries(pair).map(([key, value]) => [key, value ?? ''])
				);
				return { preview, pair, values };
			}
		}
		const result = await createPair(getDb(), staff, program, pair, event.getClientAddress());
		if (result.ok)
			redirectWithFlash(event.cookies, `/programs/${program.id}`, { kind: 'pair_created' });
		const [field, message] = refusals[result.reason];
		return fieldFailure(400, field, message(), {});
	}
};
