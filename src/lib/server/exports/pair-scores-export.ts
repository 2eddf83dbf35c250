import { analysePair, analyseProgram, ANALYSED_WAVES } from '$lib/alignment/program-analysis';
import type { RiskReason, Wave } from '$lib/alignment/risk';
import { describeReason } from '$lib/analytics/reason-words';
import type { DbOrTx } from '../db';
import type { Program } from '../db/schema';
import { loadProgramEvidence } from '../analytics/program-evidence';
import { rounded, type ExportTable } from './export-table';
import { programPseudonyms } from './pseudonyms';
import type { Cell } from './spreadsheet-safe';

/** Reasons without a wave of their own come from the check-in answers. */
const waveOf = (reason: RiskReason): Wave => ('wave' in reason ? reason.wave : 'mid');

const alignment = (divergence: number | null | undefined) =>
	divergence === null || divergence === undefined ? null : rounded(1 - divergence);

/**
 * One row per pair and wave in which the pair answered or gave a reason for concern: the codes
 * of the pair and of its two people (as in the answers export), alignment overall and per
 * construct (1 = full agreement), each partner against the staff and employer answers, and the
 * reasons of that wave in the reader's language. Risk is the pair's status now.
 */
export async function pairScoresTable(
	db: DbOrTx,
	program: Program,
	language: string
): Promise<ExportTable> {
	// Each pair compared in full, with staff and employers too: it needs their answers.
	const { evidence } = await loadProgramEvidence(db, program, { withAnswers: true });
	const pairs = await db
		.selectFrom('pairs')
		.select(['id', 'status', 'mentor_id', 'protege_id'])
		.where('program_id', '=', program.id)
		.execute();
	const pairById = new Map(pairs.map((pair) => [pair.id, pair]));
	const code = await programPseudonyms(db, program);
	const constructKeys = evidence.constructs.map((construct) => construct.key);
	const items = new Map(
		evidence.constructs.flatMap((c) => c.items.map((item) => [item.key, item]))
	);

	const rows: Record<string, Cell>[] = [];
	const evidenceOf = new Map(evidence.pairs.map((pair) => [pair.id, pair]));
	// In the order of the program's analysis (at risk first); each pair compared in full.
	for (const { pairId } of analyseProgram(evidence).pairs) {
		const people = pairById.get(pairId);
		if (!people) continue;
		const pair = analysePair(evidence, evidenceOf.get(pairId)!);
		for (const wave of ANALYSED_WAVES) {
			const reasons = pair.reasons.filter(({ reason }) => waveOf(reason) === wave);
			if (!evidence.waves[wave].byPair.has(pair.pairId) && reasons.length === 0) continue;
			const scores = pair.waves[wave];
			const row: Record<string, Cell> = {
				program: program.name,
				pair: code('pair', pair.pairId),
				mentor: code('participant', people.mentor_id),
				protege: code('participant', people.protege_id),
				wave,
				pair_status: people.status,
				risk_status: pair.status,
				alignment: rounded(scores.partners.score),
				mentor_staff_alignment: rounded(scores.mentorStaff.score),
				protege_staff_alignment: rounded(scores.protegeStaff.score),
				mentor_employer_alignment: rounded(scores.mentorEmployer.score),
				protege_employer_alignment: rounded(scores.protegeEmployer.score),
				reasons: reasons.map(({ reason }) => describeReason(reason, items, language)).join(' | ')
			};
			for (const key of constructKeys)
				row[`alignment_${key}`] = alignment(scores.partners.byConstruct[key]);
			rows.push(row);
		}
	}
	return {
		columns: [
			'program',
			'pair',
			'mentor',
			'protege',
			'wave',
			'pair_status',
			'risk_status',
			'alignment',
			...constructKeys.map((key) => `alignment_${key}`),
			'mentor_staff_alignment',
			'protege_staff_alignment',
			'mentor_employer_alignment',
			'protege_employer_alignment',
			'reasons'
		],
		rows
	};
}
