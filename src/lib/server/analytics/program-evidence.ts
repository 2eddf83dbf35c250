import type { ProgramEvidence } from '$lib/alignment/program-analysis';
import { DEFAULT_RISK_KEYS, type PairRole, type Wave } from '$lib/alignment/risk';
import type { DbOrTx } from '../db';
import type { Program } from '../db/schema';
import { organizationToday } from '../organizations/time-zone';
import { loadAgreements } from '../agreements/agreement-evidence';
import { loadPulses } from '../pulse/pulse-evidence';
import {
	cachedEvidence,
	evidenceStamp,
	previousEvidence,
	rememberEvidence
} from './evidence-cache';
import {
	countedRates,
	evidenceSetting,
	loadAssignments,
	loadContacts,
	loadPairs,
	readScored,
	takeRows,
	type EvidenceSetting,
	type LoadedProgram
} from './evidence-reading';
import { answersOf, emptyRowIndex, groupSurveys, pairSurveys, waveSurveys } from './evidence-rows';
import { loadEveryAnswer } from './submitted-answers';
import { wholeProgramEvidence, type WholeProgram } from './whole-program';

export {
	OVERDUE_AFTER_DAYS,
	type LoadedProgram,
	type RoleRate,
	type RoundRates
} from './evidence-reading';

/**
 * Everything the metrics need for one program, in a few set-based queries whatever its size:
 * rounds, pairs, employer contacts, the employer contacts' and coordinators' sent answers, and
 * each pair's assessment (pair-assessments.ts), read or worked out from the pair's answers when
 * they changed (whole-program.ts). With `pairId`, only what that pair's analysis needs, with its
 * answers: its own surveys, its employer's contacts' and the coordinators'. With `withAnswers`,
 * every pair's answers instead of its assessment (an export that compares each of them).
 *
 * Pairs, employer contacts and coordinators come in id order, so that ties read the same on
 * every database.
 *
 * A whole program's evidence is kept while its stamp stays the same (evidence-cache.ts), so that
 * a dashboard viewed again and again costs only the few small queries that prove nothing changed.
 */
export async function loadProgramEvidence(
	db: DbOrTx,
	program: Program,
	options: { today?: string; pairId?: string; withAnswers?: true } = {}
): Promise<LoadedProgram> {
	const { pairId } = options;
	const today = options.today ?? (await organizationToday(db, program.organization_id));
	const rounds = await db
		.selectFrom('rounds')
		.selectAll()
		.where('program_id', '=', program.id)
		.orderBy('created_at')
		.execute();
	const setting = await evidenceSetting(db, program, today, rounds);
	if (pairId !== undefined || options.withAnswers === true)
		return evidenceWithAnswers(db, setting, pairId);
	const stamp = await evidenceStamp(db, program, rounds, today);
	const cached = cachedEvidence<WholeProgram>(db, program.id, stamp);
	if (cached) return cached.loaded;
	const previous = previousEvidence<WholeProgram>(db, program.id);
	const built = await wholeProgramEvidence(db, setting, stamp, previous);
	rememberEvidence(db, program.id, stamp, built, built.kept.pairs.length);
	return built.loaded;
}

/**
 * A program's or one pair's evidence with the answers of every survey compared, read each time:
 * for one pair, through the indexes whatever the program's size, its own surveys, its
 * employer's contacts' and the coordinators'.
 */
async function evidenceWithAnswers(
	db: DbOrTx,
	setting: EvidenceSetting,
	pairId: string | undefined
): Promise<LoadedProgram> {
	const { program, rounds } = setting;
	const pairs = await loadPairs(db, program, pairId === undefined ? undefined : [pairId]);
	// One pair is compared with its own employer's contacts only.
	const contacts = await loadContacts(
		db,
		program,
		pairId === undefined ? undefined : pairs.flatMap((p) => (p.employer_id ? [p.employer_id] : []))
	);
	const employerOf = new Map(contacts.map((c) => [c.id, c.employer_id!]));
	const people = [...pairs.flatMap((p) => [p.mentor_id, p.protege_id]), ...employerOf.keys()];
	const assignments =
		pairId === undefined
			? await loadAssignments(db, rounds)
			: [
					...(await loadAssignments(db, rounds, { people })),
					...(await loadAssignments(db, rounds, { staff: true }))
				];
	const index = emptyRowIndex();
	takeRows(index, assignments, setting);
	const overdue = new Map<string, { person: PairRole; wave: Wave }[]>();
	const surveys = {
		pre: waveSurveys(index.pre, 'pre', pairs, employerOf, overdue),
		mid: waveSurveys(index.mid, 'mid', pairs, employerOf, overdue)
	};
	const everySurvey = [
		...pairSurveys(surveys.pre, null),
		...pairSurveys(surveys.mid, null),
		...groupSurveys(surveys.pre),
		...groupSurveys(surveys.mid)
	];
	// A pair's page shows its partners' own words too: every answer, free text included.
	const answers =
		pairId === undefined
			? await readScored(db, setting, everySurvey)
			: await loadEveryAnswer(
					db,
					everySurvey.map((row) => row.id)
				);
	const onePair = pairId === undefined ? undefined : [pairId];
	const evidence: ProgramEvidence = {
		constructs: setting.constructs,
		thresholds: setting.thresholds,
		keys: DEFAULT_RISK_KEYS,
		pairs: pairs.map((p) => ({ id: p.id, employerId: p.employer_id })),
		waves: {
			pre: answersOf(surveys.pre, answers, null),
			mid: answersOf(surveys.mid, answers, null)
		},
		overdue,
		pulses: await loadPulses(db, program.id, onePair),
		agreements: await loadAgreements(db, program.id, onePair)
	};
	return { evidence, rounds: await countedRates(db, rounds) };
}
