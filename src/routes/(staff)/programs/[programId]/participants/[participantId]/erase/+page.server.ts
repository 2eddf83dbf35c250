import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { eraseSchema, sameName } from '$lib/server/privacy/erase-form';
import { eraseParticipant, erasureImpact } from '$lib/server/privacy/erase-participant';
import { requireProgramParticipant } from '$lib/server/privacy/participant-access';

export async function load(event) {
	const { participant } = await requireProgramParticipant(event);
	return {
		person: { id: participant.id, name: participant.name, erasedAt: participant.erased_at },
		impact: await erasureImpact(getDb(), participant.id)
	};
}

export const actions = {
	default: async (event) => {
		const { staff, program, participant } = await requireProgramParticipant(event);
		const form = await readForm(event.request, eraseSchema, ['mode']);
		if (!form.ok) return form.failure;
		if (!sameName(form.data.confirmName, participant.name))
			return fieldFailure(400, 'confirmName', m.privacy_error_name_mismatch(), {
				mode: form.data.mode
			});
		const { rowKept } = await eraseParticipant(
			getDb(),
			staff,
			participant,
			form.data.mode,
			event.getClientAddress()
		);
		redirect(
			303,
			rowKept
				? `/programs/${program.id}/participants/${participant.id}`
				: `/programs/${program.id}/participants`
		);
	}
};
