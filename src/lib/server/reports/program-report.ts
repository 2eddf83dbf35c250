import { analyseProgram } from '$lib/alignment/program-analysis';
import type { WorkStatus } from '$lib/outcomes/follow-ups';
import type { ClosureReason } from '$lib/pairs/closure';
import {
	bandShares,
	standingBand,
	outcomesByBand,
	outcomesByStep,
	shownMean,
	type Band
} from '$lib/statistics/program-report';
import {
	shownCount,
	shownShare,
	type ShownCount,
	type ShownShare
} from '$lib/statistics/suppression';
import { loadProgramEvidence } from '../analytics/program-evidence';
import type { DbOrTx } from '../db';
import type { Wave } from '$lib/instruments/types';
import type { AssignmentRole, Program } from '../db/schema';
import { organizationToday } from '../organizations/time-zone';
import { closureCounts } from '../pairs/closures';

/** One program's figures for funders and boards: counts of people never under five. */
export interface ProgramReport {
	generatedOn: string;
	people: { role: 'protege' | 'mentor' | 'employer'; count: ShownCount }[];
	pairs: ShownCount;
	rounds: { wave: Wave; opensOn: string; roles: { role: AssignmentRole; sent: ShownShare }[] }[];
	alignment: {
		wave: 'pre' | 'mid';
		mean: { mean: number; n: number } | null;
		bands: { band: Band; share: ShownShare }[];
	}[];
	raised: {
		atRisk: ShownCount;
		watch: ShownCount;
		followUpsDone: ShownCount;
		rematches: ShownCount;
	};
	closures: { reason: ClosureReason | null; count: ShownCount }[];
	outcomes: ReturnType<typeof outcomesByStep>;
	outcomesByBand: ReturnType<typeof outcomesByBand>;
}

const count = async (query: { executeTakeFirst(): Promise<{ n: unknown } | undefined> }) =>
	shownCount(Number((await query.executeTakeFirst())?.n ?? 0));

/**
 * What a program's report shows: participation and response rates, alignment at `pre` and `mid`,
 * pairs raised and what followed, outcomes at each follow-up and by `pre` alignment band. Every
 * figure comes from the database as the coordinator's screens read it; every count or share that
 * describes fewer than five people is suppressed.
 */
export async function programReport(db: DbOrTx, program: Program): Promise<ProgramReport> {
	const { evidence, rounds } = await loadProgramEvidence(db, program);
	const analysis = analyseProgram(evidence);
	const thresholds = evidence.thresholds;
	const people = await db
		.selectFrom('participants')
		.select(['role', (eb) => eb.fn.countAll().as('n')])
		.where('program_id', '=', program.id)
		.where('erased_at', 'is', null)
		.groupBy('role')
		.execute();
	const roleCount = (role: string) => Number(people.find((p) => p.role === role)?.n ?? 0);

	/** Each pair's band at a wave where both answered, by pair id. */
	const bandsAt = (wave: 'pre' | 'mid') =>
		new Map(
			analysis.pairs.flatMap((pair) => {
				const score = pair.partners[wave].score;
				if (score === null) return [];
				const critical = pair.reasons.some(
					(r) => r.reason.kind === 'critical_mismatch' && r.reason.wave === wave
				);
				return [[pair.pairId, { score, band: standingBand(score, critical, thresholds) }] as const];
			})
		);
	const alignment = (['pre', 'mid'] as const).map((wave) => {
		const pairs = [...bandsAt(wave).values()];
		return {
			wave,
			mean: shownMean(pairs.map((p) => p.score)),
			bands: bandShares(pairs.map((p) => p.band))
		};
	});
	const bandOf = new Map([...bandsAt('pre')].map(([id, { band }]) => [id, band]));

	const answered = await db
		.selectFrom('outcome_follow_ups')
		.select(['pair_id', 'months', 'work'])
		.where('program_id', '=', program.id)
		.where('role', '=', 'protege')
		.where('answered_at', 'is not', null)
		.where('work', 'is not', null)
		.execute();
	const outcomeAnswers = answered.map((row) => ({
		pairId: row.pair_id,
		months: row.months,
		work: row.work as WorkStatus
	}));

	return {
		generatedOn: await organizationToday(db, program.organization_id),
		people: (['protege', 'mentor', 'employer'] as const).map((role) => ({
			role,
			count: shownCount(roleCount(role))
		})),
		pairs: shownCount(evidence.pairs.length),
		rounds: rounds.map(({ round, roles }) => ({
			wave: round.wave,
			opensOn: round.opens_on,
			roles: roles.map((r) => ({ role: r.role, sent: shownShare(r.submitted, r.total) }))
		})),
		alignment,
		raised: {
			atRisk: shownCount(analysis.pairs.filter((p) => p.status === 'at_risk').length),
			watch: shownCount(analysis.pairs.filter((p) => p.status === 'watch').length),
			followUpsDone: await count(
				db
					.selectFrom('pair_follow_ups')
					.innerJoin('pairs', 'pairs.id', 'pair_follow_ups.pair_id')
					.select((eb) => eb.fn.countAll().as('n'))
					.where('pairs.program_id', '=', program.id)
					.where('pair_follow_ups.done_at', 'is not', null)
			),
			rematches: await count(
				db
					.selectFrom('pairs')
					.select((eb) => eb.fn.countAll().as('n'))
					.where('program_id', '=', program.id)
					.where('follows_pair_id', 'is not', null)
			)
		},
		closures: (await closureCounts(db, program.id)).map((c) => ({
			reason: c.reason,
			count: shownCount(c.count)
		})),
		outcomes: outcomesByStep(outcomeAnswers),
		outcomesByBand: outcomesByBand(outcomeAnswers, bandOf)
	};
}
