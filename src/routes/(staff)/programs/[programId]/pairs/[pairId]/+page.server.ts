import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { pairStatusSchema } from '$lib/server/forms/program-schemas';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { changePairStatusIn } from '$lib/server/pairs/pair-actions';
import { findPair, pairHistory } from '$lib/server/pairs/pairs';
import { requireProgram } from '$lib/server/programs/access';

export async function load(event) {
	const { staff, program } = await requireProgram(event);
	const db = getDb();
	const pair = await findPair(db, staff.organization_id, program.id, event.params.pairId);
	if (!pair) error(404, 'Not found');
	return { pair, history: await pairHistory(db, pair.id) };
}

export const actions = {
	status: async (event) => {
		const { staff, program } = await requireProgram(event);
		const form = await readForm(event.request, pairStatusSchema, ['status', 'reason']);
		if (!form.ok) return form.failure;
		const result = await changePairStatusIn(
			getDb(),
			staff,
			program.id,
			event.params.pairId,
			form.data,
			event.getClientAddress()
		);
		if (result.ok) return { statusChanged: true };
		if (result.reason === 'not_found') error(404, 'Not found');
		const message =
			result.reason === 'same_status' ? m.error_pair_same_status() : m.error_pair_final();
		return fieldFailure(400, 'status', message, form.data);
	}
};
