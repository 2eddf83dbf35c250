import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { pairedPeople } from '$lib/server/pairs/pairs';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { listEmployers } from '$lib/server/employers/employers';
import { participantSchema, withdrawSchema } from '$lib/server/forms/program-schemas';
import { readForm } from '$lib/server/forms/read-form';
import {
	editParticipant,
	revokeLinksOf,
	withdrawParticipant
} from '$lib/server/participants/participant-actions';
import {
	PARTICIPANT_FIELDS,
	matchingFacts,
	participantRefusal,
	participantValues
} from '$lib/server/participants/participant-form';
import { findParticipant } from '$lib/server/participants/participants';
import { requireProgram } from '$lib/server/programs/access';
import { offeredList } from '$lib/server/programs/program-languages';
import { programFields } from '$lib/server/programs/programs';
import { getLocale } from '$lib/paraglide/runtime';

async function requireParticipant(
	event: Parameters<typeof requireProgram>[0] & { params: { participantId: string } }
) {
	const { staff, program } = await requireProgram(event);
	const participant = await findParticipant(
		getDb(),
		staff.organization_id,
		program.id,
		event.params.participantId
	);
	if (!participant) error(404, 'Not found');
	return { staff, program, participant };
}

function participantPage(programId: string, participantId: string): string {
	return `/programs/${programId}/participants/${participantId}`;
}

export async function load(event) {
	const { staff, program, participant } = await requireParticipant(event);
	const employers = await listEmployers(getDb(), staff.organization_id);
	return {
		participant: {
			id: participant.id,
			name: participant.name,
			status: participant.status,
			withdrawnAt: participant.withdrawn_at,
			withdrawnReason: participant.withdrawn_reason,
			erasedAt: participant.erased_at
		},
		facts: matchingFacts(participant, getLocale()),
		/** An active protégé with no running pair: the best mentors for them are one link away. */
		unpairedProtege:
			participant.role === 'protege' &&
			participant.status === 'active' &&
			program.status !== 'closed' &&
			!(await pairedPeople(getDb(), program.id)).proteges.has(participant.id),
		values: participantValues(participant),
		employers: employers.map(({ id, name }) => ({ id, name })),
		fields: programFields(program),
		languages: offeredList(program)
	};
}

export const actions = {
	save: async (event) => {
		const { staff, program, participant } = await requireParticipant(event);
		const form = await readForm(event.request, participantSchema, PARTICIPANT_FIELDS);
		if (!form.ok) return form.failure;
		const result = await editParticipant(
			getDb(),
			staff,
			participant,
			form.data,
			event.getClientAddress()
		);
		if (!result.ok) return participantRefusal(result, form.data);
		redirectWithFlash(event.cookies, participantPage(program.id, participant.id), {
			kind: 'participant_saved'
		});
	},
	revokeLinks: async (event) => {
		const { staff, program, participant } = await requireParticipant(event);
		await revokeLinksOf(getDb(), staff, participant, event.getClientAddress());
		redirectWithFlash(event.cookies, `${participantPage(program.id, participant.id)}#links`, {
			kind: 'participant_links_revoked'
		});
	},
	withdraw: async (event) => {
		const { staff, program, participant } = await requireParticipant(event);
		const form = await readForm(event.request, withdrawSchema, ['reason']);
		if (!form.ok) return form.failure;
		if (participant.status === 'active') {
			await withdrawParticipant(
				getDb(),
				staff,
				participant,
				form.data.reason,
				event.getClientAddress()
			);
		}
		redirectWithFlash(event.cookies, participantPage(program.id, participant.id), {
			kind: 'participant_withdrawn'
		});
	}
};
