import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { readFormData } from '$lib/server/instruments/edit-action';
import { requireProgram } from '$lib/server/programs/access';
import { issueLinksFor } from '$lib/server/rounds/links';
import { roundProgress } from '$lib/server/rounds/round-progress';
import { roundState } from '$lib/server/rounds/round-state';
import { addLatecomers, closeRound, findRound } from '$lib/server/rounds/rounds';

async function requireRound(event: RequestEvent<{ programId: string; roundId: string }>) {
	const { staff, program } = await requireProgram(event);
	const round = await findRound(getDb(), staff.organization_id, program.id, event.params.roundId);
	if (!round) error(404, 'Not found');
	return { staff, program, round };
}

export async function load(event) {
	const { round } = await requireRound(event);
	return {
		round: {
			id: round.id,
			wave: round.wave,
			opensOn: round.opens_on,
			closesOn: round.closes_on,
			state: roundState(round)
		},
		progress: await roundProgress(getDb(), round.id),
		opened: Number(event.url.searchParams.get('opened') ?? '') || null
	};
}

export const actions = {
	links: async (event) => {
		const { staff, program } = await requireRound(event);
		const chosen = (await readFormData(event.request))
			.getAll('participantId')
			.map(String)
			.slice(0, 5000);
		const links = await issueLinksFor(
			getDb(),
			staff,
			program,
			chosen,
			event.url.origin,
			event.getClientAddress()
		);
		return { links };
	},
	latecomers: async (event) => {
		const { staff, program, round } = await requireRound(event);
		return { added: await addLatecomers(getDb(), staff, program, round, event.getClientAddress()) };
	},
	close: async (event) => {
		const { staff, round } = await requireRound(event);
		await closeRound(getDb(), staff, round, event.getClientAddress());
		return { closed: true };
	}
};
