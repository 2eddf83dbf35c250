import { analyseProgram } from '$lib/alignment/program-analysis';
import { localized } from '$lib/labels';
import type { DbOrTx } from '../db';
import type { Program } from '../db/schema';
import { listEmployers } from '../employers/employers';
import { nextStepsOf } from '../pairs/pair-next-steps';
import { listPairNames, pairablePeople } from '../pairs/pairs';
import { organizationToday } from '../organizations/time-zone';
import { roundState } from '../rounds/round-state';
import { closureCounts } from '../pairs/closures';
import { checkInTrend } from '../pulse/check-in-views';
import { listStaff } from '../staff/staff';
import { attentionPairs } from './attention-pairs';
import { countByStanding, listedPairs, pairsTable } from './pairs-table';
import { loadProgramEvidence } from './program-evidence';
import { driftRows, itemsByKey, readOverviewQuery, roleAverageRows } from './program-overview';

/**
 * Everything a program overview shows, attention first: counts by standing and the pairs that
 * need a coordinator with their reasons and next steps; then rounds, the pulse check-ins' trend,
 * the table of all pairs by topic, how each group answers, drift, pairs that ended by reason, and
 * who is free to be paired.
 */
export async function buildProgramOverview(
	db: DbOrTx,
	program: Program,
	params: URLSearchParams,
	locale: string
) {
	const organizationId = program.organization_id;
	const today = await organizationToday(db, organizationId);
	const [pairs, pairable, employers, coordinators, loaded, checkIns, closures] = await Promise.all([
		listPairNames(db, organizationId, program.id),
		pairablePeople(db, program),
		listEmployers(db, organizationId),
		listStaff(db, organizationId),
		loadProgramEvidence(db, program, { today }),
		checkInTrend(db, program.id),
		closureCounts(db, program.id)
	]);
	const { evidence } = loaded;
	const { constructs } = evidence;
	const analysis = analyseProgram(evidence);
	const query = readOverviewQuery(
		params,
		constructs.map((c) => c.key)
	);
	const listed = listedPairs(analysis, pairs);
	const attention = attentionPairs(listed, itemsByKey(constructs), locale);
	const steps = await nextStepsOf(
		db,
		organizationId,
		attention.shown.map(({ pair }) => pair.id),
		today
	);
	const answeredWaves = (['pre', 'mid'] as const).filter((wave) =>
		analysis.pairs.some((pair) => pair.partners[wave].score !== null)
	);
	const askedWave = params.get('wave');
	const roleWave =
		answeredWaves.find((wave) => wave === askedWave) ?? answeredWaves.at(-1) ?? 'pre';
	return {
		query,
		pairCount: listed.length,
		counts: countByStanding(listed),
		attention: {
			total: attention.total,
			rows: attention.shown.map(({ pair, standing, severity, reasons }) => ({
				id: pair.id,
				mentorName: pair.mentorName,
				protegeName: pair.protegeName,
				standing: standing!,
				severity,
				reasons,
				nextStep: steps.get(pair.id) ?? null
			}))
		},
		constructs: constructs.map((c) => ({ key: c.key, name: localized(c.name, locale) })),
		pairsTable: pairsTable(listed, evidence, query, locale),
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
		checkIns,
		closures,
		rounds: loaded.rounds.map(({ round, roles }) => ({
			id: round.id,
			wave: round.wave,
			opensOn: round.opens_on,
			closesOn: round.closes_on,
			state: roundState(round, today),
			roles
		}))
	};
}

export type ProgramOverview = Awaited<ReturnType<typeof buildProgramOverview>>;
