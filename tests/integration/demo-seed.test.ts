import { closureCounts } from '../../src/lib/server/pairs/closures';
import { programReport } from '../../src/lib/server/reports/program-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/lib/survey/page-answers';
import { signIn } from '../../src/lib/server/auth/signin';
import {
	DEMO_SIGN_IN,
	seedDemo,
	type DemoPair,
	type DemoSeed
} from '../../src/lib/server/demo/seed-demo';
import { STORY_NAMES, type StoryName } from '../../src/lib/server/demo/stories';
import { loadAnswers } from '../../src/lib/server/survey/answers';
import { loadProgramEvidence } from '../../src/lib/server/analytics/program-evidence';
import { analyseProgram, type PairRisk } from '../../src/lib/alignment/program-analysis';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { endOfDayMs, startOfDayMs, todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';

type Side = 'mentor' | 'protege';

let t: TestDatabase;
let seed: DemoSeed;
const now = Date.parse('2027-03-10T15:00:00Z');

beforeAll(async () => {
	t = await createTestDatabase();
	seed = await seedDemo(t.db, { now });
}, 180_000);
afterAll(() => t.close());

const withStory = (story: StoryName) => seed.pairs.filter((p) => p.story === story);
const personOf = (pair: DemoPair, side: Side) =>
	side === 'mentor' ? pair.mentorId : pair.protegeId;

/** A person's sent answers in the program's round of that wave; null when not sent or no such round. */
async function sent(pair: DemoPair, wave: 'pre' | 'mid', side: Side): Promise<Answers | null> {
	const assignment = await t.db
		.selectFrom('assignments')
		.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
		.select(['assignments.id', 'assignments.status'])
		.where('rounds.program_id', '=', pair.programId)
		.where('rounds.wave', '=', wave)
		.where('assignments.participant_id', '=', personOf(pair, side))
		.executeTakeFirst();
	if (!assignment || assignment.status !== 'submitted') return null;
	return loadAnswers(t.db, assignment.id);
}

async function both(pair: DemoPair, wave: 'pre' | 'mid') {
	return { mentor: await sent(pair, wave, 'mentor'), protege: await sent(pair, wave, 'protege') };
}

/** Agree, strongly agree, or (now and then, as people do) "prefer not to say". */
const RATED_WELL = ['4', '5', 'dont_know'];

const first = (answers: Answers | null, key: string) => answers?.[key]?.[0];

async function hasMidRound(pair: DemoPair): Promise<boolean> {
	const round = await t.db
		.selectFrom('rounds')
		.select('id')
		.where('program_id', '=', pair.programId)
		.where('wave', '=', 'mid')
		.executeTakeFirst();
	return round !== undefined;
}

describe('the demo database', () => {
	it('holds one organization, two programs with at least 40 pairs and an intake, and sent pre and mid surveys', async () => {
		const count = async (table: 'organizations' | 'programs' | 'pairs') =>
			Number(
				(
					await t.db
						.selectFrom(table)
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);
		expect(await count('organizations')).toBe(1);
		expect(await count('programs')).toBe(4);
		expect(seed.programIds).toHaveLength(4);
		const pairedPrograms = new Set(seed.pairs.map((p) => p.programId));
		expect(seed.programIds.filter((id) => !pairedPrograms.has(id))).toEqual([
			seed.intakeProgramId,
			seed.finishedProgramId
		]);
		expect(await count('pairs')).toBeGreaterThanOrEqual(40);
		const sentByWave = await t.db
			.selectFrom('assignments')
			.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
			.select(['rounds.wave', (eb) => eb.fn.countAll().as('n')])
			.where('assignments.status', '=', 'submitted')
			.groupBy('rounds.wave')
			.execute();
		const byWave = Object.fromEntries(sentByWave.map((r) => [r.wave, Number(r.n)]));
		expect(byWave.pre).toBeGreaterThan(60);
		expect(byWave.mid).toBeGreaterThan(40);
	});

	it('lets the printed account sign in', async () => {
		const result = await signIn(t.db, DEMO_SIGN_IN, { ip: null, userAgent: null });
		expect(result.ok).toBe(true);
	});

	it('tells every story on some pairs, and answers in English, French and newcomers’ languages', async () => {
		for (const story of STORY_NAMES) expect(withStory(story).length).toBeGreaterThan(0);
		const languages = await t.db.selectFrom('participants').select('language').distinct().execute();
		expect(languages.map((l) => l.language).sort()).toEqual(['ar', 'en', 'es', 'fa', 'fr', 'uk']);
	});

	it('dates every sent survey inside its round and before today', async () => {
		const rows = await t.db
			.selectFrom('assignments')
			.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
			.select(['assignments.submitted_at', 'rounds.opens_on', 'rounds.closes_on'])
			.where('assignments.status', '=', 'submitted')
			.execute();
		for (const row of rows) {
			// The demo organization's days are Toronto's.
			expect(row.submitted_at).toBeGreaterThanOrEqual(
				startOfDayMs(row.opens_on, DEFAULT_TIME_ZONE)
			);
			expect(row.submitted_at).toBeLessThan(endOfDayMs(row.closes_on, DEFAULT_TIME_ZONE));
			expect(row.submitted_at).toBeLessThan(now);
		}
	});
});

describe('the stories', () => {
	it('well aligned: critical answers at most one step apart; the check-in is happy', async () => {
		for (const pair of withStory('well_aligned')) {
			const pre = await both(pair, 'pre');
			for (const key of ['focus_job_leads', 'outcomes_referral', 'outcomes_job_offer']) {
				const gap = Number(first(pre.mentor, key)) - Number(first(pre.protege, key));
				expect(Math.abs(gap), key).toBeLessThanOrEqual(1);
			}
			if (!(await hasMidRound(pair))) continue;
			const mid = await both(pair, 'mid');
			for (const side of [mid.mentor, mid.protege]) {
				expect(RATED_WELL).toContain(first(side, 'commitment_partner'));
				expect(first(side, 'check_in_contact_request')).toBe('no');
			}
		}
	});

	it('referral gap: the protégé expects job leads and a referral, the mentor does not', async () => {
		for (const pair of withStory('referral_gap')) {
			const pre = await both(pair, 'pre');
			expect(first(pre.protege, 'focus_job_leads')).toBe('5');
			expect(first(pre.mentor, 'focus_job_leads')).toBe('1');
			expect(Number(first(pre.protege, 'outcomes_referral'))).toBeGreaterThanOrEqual(4);
			expect(first(pre.mentor, 'outcomes_referral')).toBe('1');
		}
	});

	it('frequency mismatch: weekly and long against monthly and short, and monthly it is', async () => {
		for (const pair of withStory('frequency_mismatch')) {
			const pre = await both(pair, 'pre');
			expect(['1', '2']).toContain(first(pre.protege, 'contact_frequency'));
			expect(first(pre.mentor, 'contact_frequency')).toBe('4');
			const hours = (a: Answers | null) => Number(first(a, 'contact_hours'));
			expect(hours(pre.protege)).toBeGreaterThanOrEqual(3 * hours(pre.mentor));
			const mid = await both(pair, 'mid');
			expect(first(mid.protege, 'contact_frequency_actual')).toBe('4');
			expect(first(mid.mentor, 'contact_frequency_actual')).toBe('4');
		}
	});

	it('fading commitment: at mid one rates the partner low, expectations unmet, meetings rare', async () => {
		for (const pair of withStory('fading_commitment')) {
			const mid = await both(pair, 'mid');
			const rater = Number(first(mid.mentor, 'commitment_partner')) <= 2 ? mid.mentor : mid.protege;
			expect(Number(first(rater, 'commitment_partner'))).toBeLessThanOrEqual(2);
			expect(first(rater, 'check_in_expectations_met')).toBe('2');
			expect(first(rater, 'contact_frequency_actual')).toBe('5');
		}
	});

	it('silent: nobody sent the check-in, and someone never answered at all', async () => {
		let neverAnswered = 0;
		for (const pair of withStory('silent')) {
			for (const side of ['mentor', 'protege'] as const) {
				expect(await sent(pair, 'mid', side)).toBeNull();
				if ((await sent(pair, 'pre', side)) === null) neverAnswered += 1;
			}
		}
		expect(neverAnswered).toBeGreaterThan(0);
	});

	it('contact request: one of the two asks for a call, and both rate the other well', async () => {
		for (const pair of withStory('contact_request')) {
			const mid = await both(pair, 'mid');
			const asks = [mid.mentor, mid.protege].map((a) => first(a, 'check_in_contact_request'));
			expect(asks.sort()).toEqual(['no', 'yes']);
			for (const side of [mid.mentor, mid.protege])
				expect(RATED_WELL).toContain(first(side, 'commitment_partner'));
		}
	});
});

describe('seeding', () => {
	it('gives the same people and answers on every run', async () => {
		const again = await createTestDatabase();
		try {
			const second = await seedDemo(again.db, { now });
			expect(second.pairs.map((p) => p.story)).toEqual(seed.pairs.map((p) => p.story));
			const snapshot = async (db: TestDatabase['db']) =>
				(
					await db
						.selectFrom('responses')
						.innerJoin('assignments', 'assignments.id', 'responses.assignment_id')
						.leftJoin('participants', 'participants.id', 'assignments.participant_id')
						.select([
							'participants.name',
							'assignments.role',
							'responses.item_key',
							'responses.value'
						])
						.execute()
				)
					.map((r) => `${r.name}|${r.role}|${r.item_key}|${r.value}`)
					.sort();
			expect(await snapshot(again.db)).toEqual(await snapshot(t.db));
		} finally {
			await again.close();
		}
		// A whole second demo, check-ins, closures and the finished cohort included.
	}, 180_000);

	it('tells its stories through the risk analysis a coordinator sees', async () => {
		const today = todayIn(DEFAULT_TIME_ZONE, now);
		const programs = await t.db.selectFrom('programs').selectAll().execute();
		const analyses = new Map<string, PairRisk>();
		for (const program of programs) {
			const { evidence } = await loadProgramEvidence(t.db, program, { today });
			for (const pair of analyseProgram(evidence).pairs) analyses.set(pair.pairId, pair);
		}
		const kinds = (pair: DemoPair) =>
			new Set(analyses.get(pair.pairId)!.reasons.map((r) => r.reason.kind));
		const status = (pair: DemoPair) => analyses.get(pair.pairId)!.status;
		for (const pair of withStory('well_aligned'))
			expect([pair.story, status(pair), [...kinds(pair)]]).toEqual([pair.story, 'ok', []]);
		for (const pair of withStory('referral_gap')) {
			expect(status(pair)).toBe('at_risk');
			expect(kinds(pair)).toContain('critical_mismatch');
		}
		for (const pair of withStory('fading_commitment')) {
			expect(status(pair)).toBe('at_risk');
			expect(kinds(pair)).toContain('low_commitment');
		}
		for (const pair of withStory('frequency_mismatch'))
			expect(['watch', 'at_risk']).toContain(status(pair));
		for (const pair of withStory('contact_request'))
			expect(kinds(pair)).toContain('contact_request');
		// Agreed to meet every week, and at mid one of them says they meet far less often.
		const agreedWeekly = withStory('frequency_mismatch').filter((pair) =>
			kinds(pair).has('agreement_rhythm')
		);
		expect(agreedWeekly.length).toBeGreaterThan(0);
		const silentInItsTime = withStory('silent').filter((pair) => kinds(pair).has('overdue'));
		expect(silentInItsTime.length).toBeGreaterThan(0);
	});

	it('holds pulse check-in histories, agreements, pairs closed with reasons and a protégé paired again', async () => {
		const [tech, health] = seed.programIds;
		const answered = async (programId: string) =>
			(
				await t.db
					.selectFrom('pulse_check_ins')
					.select(['step', 'answered_at'])
					.where('program_id', '=', programId)
					.execute()
			).filter((c) => c.answered_at !== null && c.answered_at <= now);
		// Two steps in the first program (paired 47 days ago), one in the second (13 days ago, first after 7).
		expect(new Set((await answered(tech!)).map((c) => c.step))).toEqual(new Set([0, 1]));
		expect(new Set((await answered(health!)).map((c) => c.step))).toEqual(new Set([0]));
		expect(await closureCounts(t.db, tech!)).toEqual([
			{ reason: 'work_in_field', count: 1 },
			{ reason: 'no_contact', count: 1 }
		]);
		const agreements = await t.db
			.selectFrom('pair_agreements')
			.select(['pair_id', 'agreed_at'])
			.execute();
		const agreed = new Set(agreements.filter((a) => a.agreed_at !== null).map((a) => a.pair_id));
		const written = new Set(agreements.map((a) => a.pair_id));
		for (const pair of withStory('well_aligned')) expect(agreed).toContain(pair.pairId);
		for (const pair of withStory('contact_request')) {
			expect(written).toContain(pair.pairId);
			expect(agreed).not.toContain(pair.pairId);
		}
		for (const pair of withStory('silent')) expect(written).not.toContain(pair.pairId);
		const again = await t.db
			.selectFrom('pairs')
			.select(['follows_pair_id', 'protege_id'])
			.where('follows_pair_id', 'is not', null)
			.execute();
		const silent = withStory('silent').find((p) => p.pairId === again[0]?.follows_pair_id);
		expect(again).toEqual([{ follows_pair_id: silent!.pairId, protege_id: silent!.protegeId }]);
	});

	it('holds last year’s cohort, ended and followed up, whose report has real figures', async () => {
		const program = await t.db
			.selectFrom('programs')
			.selectAll()
			.where('id', '=', seed.finishedProgramId)
			.executeTakeFirstOrThrow();
		expect(program.status).toBe('closed');
		const answered = await t.db
			.selectFrom('outcome_follow_ups')
			.select(['months', 'role', 'answered_at'])
			.where('program_id', '=', program.id)
			.execute();
		expect(new Set(answered.map((a) => a.months))).toEqual(new Set([3, 6, 12]));
		expect(answered.filter((a) => a.answered_at !== null).length).toBeGreaterThan(120);
		const report = await programReport(t.db, program);
		expect(report.outcomes.map((row) => row.months)).toEqual([3, 6, 12]);
		const twelve = report.outcomes.find((row) => row.months === 12)!;
		expect(twelve.inField.shown && twelve.employed.shown).toBe(true);
		// Aligned pairs at 12 months: enough people on both sides of the share to show it.
		const aligned = report.outcomesByBand.find((r) => r.months === 12 && r.band === 'aligned')!;
		expect(aligned.inField.shown).toBe(true);
		expect(report.closures.map((c) => c.reason)).toEqual(['completed', 'no_contact']);
	});

	it('refuses a database that already holds an organization', async () => {
		await expect(seedDemo(t.db, { now })).rejects.toThrow(/empty database/);
	});
});
