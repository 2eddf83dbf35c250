import { analyseProgram } from '$lib/alignment/program-analysis';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { loadProgramEvidence } from '$lib/server/analytics/program-evidence';
import {
	driftRows,
	pairsTable,
	readOverviewQuery,
	roleAverageRows
} from '$lib/server/analytics/program-overview';
import { localized } from '$lib/labels';
import { getDb } from '$lib/server/db';
import { listEmployers } from '$lib/server/employers/employers';
import { pairSchema } from '$lib/server/forms/program-schemas';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { createPair, type PairRefusal } from '$lib/server/pairs/pair-actions';
import { listPairNames, pairablePeople } from '$lib/server/pairs/pairs';
import { requireProgram } from '$lib/server/programs/access';
import { roundState } from '$lib/server/rounds/round-state';
import { listStaff } from '$lib/server/staff/staff';

export async function load(event) {
	const { staff, program } = await requireProgram(event);
	const db = getDb();
	const [pairs, pairable, employers, coordinators, loaded] = await Promise.all([
		listPairNames(db, staff.organization_id, program.id),
		pairablePeople(db, program),
		listEmployers(db, staff.organization_id),
		listStaff(db, staff.organization_id),
		loadProgramEvidence(db, program)
	]);
	const { constructs, thresholds } = loaded.evidence;
	const analysis = analyseProgram(loaded.evidence);
	const locale = getLocale();
	const query = readOverviewQuery(
		event.url.searchParams,
		constructs.map((c) => c.key)
	);
	const answeredWaves = (['pre', 'mid'] as const).filter((wave) =>
		analysis.pairs.some((pair) => pair.partners[wave].score !== null)
	);
	const askedWave = event.url.searchParams.get('wave');
	const roleWave =
		answeredWaves.find((wave) => wave === askedWave) ?? answeredWaves.at(-1) ?? 'pre';
	return {
		details: program,
		query,
		constructs: constructs.map((c) => ({ key: c.key, name: localized(c.name, locale) })),
		pairsTable: pairsTable(analysis, pairs, constructs, thresholds, query, locale),
		answeredWaves,
		roleWave,
		roleAverages: roleAverageRows(analysis, constructs, roleWave, locale),
		drift: answeredWaves.length ? driftRows(analysis, constructs, locale) : [],
		availableMentors: pairable.mentors,
		unpairedProteges: pairable.proteges,
		employers: employers.map(({ id, name }) => ({ id, name })),
		coordinators: coordinators
			.filter((s) => s.status === 'active')
			.map(({ id, name }) => ({ id, name })),
		rounds: loaded.rounds.map(({ round, roles }) => ({
			id: round.id,
			wave: round.wave,
			opensOn: round.opens_on,
			closesOn: round.closes_on,
			state: roundState(round),
			roles
		})),
		saved: event.url.searchParams.has('saved')
	};
}

const refusals: Record<PairRefusal, [string, () => string]> = {
	not_found: ['form', m.error_pair_not_found],
	withdrawn: ['form', m.error_pair_withdrawn],
	mentor_taken: ['mentorId', m.error_pair_mentor_taken],
	protege_taken: ['protegeId', m.error_pair_protege_taken],
	same_status: ['form', m.error_pair_same_status],
	final: ['form', m.error_pair_final],
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
		const result = await createPair(getDb(), staff, program, form.data, event.getClientAddress());
		if (result.ok) return { pairCreated: true };
		const [field, message] = refusals[result.reason];
		return fieldFailure(400, field, message(), {});
	}
};
