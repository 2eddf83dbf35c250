import { sql } from 'kysely';
import type { DbOrTx } from '../db';
import type { MatchRule, Program, ProgramStatus } from '../db/schema';
import { followUpMonthsOf } from '$lib/outcomes/follow-ups';
import { offeredList } from './program-languages';
import { generateId } from '../util/ids';

/** Defaults for the alignment thresholds: below `watch` a pair is watched, below `risk` at risk. */
export const DEFAULT_WATCH_THRESHOLD = 0.7;
export const DEFAULT_RISK_THRESHOLD = 0.5;

export interface ProgramInput {
	name: string;
	description: string;
	startDate: string;
	endDate: string;
	defaultLanguage: string;
	status: ProgramStatus;
	watchThreshold: number;
	riskThreshold: number;
	pairsSeeSummary: boolean;
	mentorMultipleProteges: boolean;
	/** Matching settings; absent ones stay as they are (a new program: no fields, rules off). */
	fields?: string[];
	fieldRule?: MatchRule;
	languageRule?: MatchRule;
	/** The languages offered to participants; absent: as they are (a new program: English, French). */
	offeredLanguages?: string[];
	/** Each question also in the program's language, smaller. */
	bilingualQuestions?: boolean;
	/** Days after a pair starts until its first pulse check-in; null: none. Absent: as it is. */
	checkInFirstDays?: number | null;
	/** Days between later check-ins; absent: as it is. */
	checkInEveryDays?: number;
	/** Months after the end for follow-up surveys ([] for none); absent: as they are. */
	followUpMonths?: number[];
}

function columns(input: ProgramInput) {
	return {
		name: input.name,
		description: input.description,
		start_date: input.startDate,
		end_date: input.endDate,
		default_language: input.defaultLanguage,
		status: input.status,
		watch_threshold: input.watchThreshold,
		risk_threshold: input.riskThreshold,
		pairs_see_summary: input.pairsSeeSummary ? 1 : 0,
		mentor_multiple_proteges: input.mentorMultipleProteges ? 1 : 0,
		fields: input.fields && JSON.stringify(input.fields),
		field_rule: input.fieldRule,
		language_rule: input.languageRule,
		languages: input.offeredLanguages && JSON.stringify(input.offeredLanguages),
		bilingual_questions:
			input.bilingualQuestions === undefined ? undefined : +input.bilingualQuestions,
		checkin_first_days: input.checkInFirstDays,
		checkin_every_days: input.checkInEveryDays,
		followup_months: input.followUpMonths && JSON.stringify(input.followUpMonths)
	};
}

export async function createProgram(
	db: DbOrTx,
	organizationId: string,
	input: ProgramInput,
	now = Date.now()
): Promise<string> {
	const id = generateId();
	await db
		.insertInto('programs')
		.values({
			id,
			organization_id: organizationId,
			...columns(input),
			closed_at: input.status === 'closed' ? now : null,
			created_at: now,
			updated_at: now
		})
		.execute();
	return id;
}

export async function updateProgram(
	db: DbOrTx,
	programId: string,
	input: ProgramInput,
	now = Date.now()
): Promise<void> {
	// Retention counts from the first closing; reopening a program stops the clock.
	const closedAt = input.status === 'closed' ? sql<number>`coalesce(closed_at, ${now})` : null;
	await db
		.updateTable('programs')
		.set({ ...columns(input), closed_at: closedAt, updated_at: now })
		.where('id', '=', programId)
		.execute();
}

/** Null when the program is not this organization's: callers answer 404. */
export async function findProgram(
	db: DbOrTx,
	organizationId: string,
	programId: string
): Promise<Program | null> {
	const row = await db
		.selectFrom('programs')
		.selectAll()
		.where('id', '=', programId)
		.where('organization_id', '=', organizationId)
		.executeTakeFirst();
	return row ?? null;
}

export interface ProgramSummary extends Program {
	participantCount: number;
	pairCount: number;
}

export async function listPrograms(db: DbOrTx, organizationId: string): Promise<ProgramSummary[]> {
	const rows = await db
		.selectFrom('programs')
		.selectAll('programs')
		.select((eb) => [
			eb
				.selectFrom('participants')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('participants.program_id', '=', 'programs.id')
				.as('participantCount'),
			eb
				.selectFrom('pairs')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('pairs.program_id', '=', 'programs.id')
				.as('pairCount')
		])
		.where('organization_id', '=', organizationId)
		.orderBy('start_date', 'desc')
		.orderBy('name')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		...r,
		participantCount: Number(r.participantCount ?? 0),
		pairCount: Number(r.pairCount ?? 0)
	}));
}

export function programToInput(program: Program): ProgramInput {
	return {
		name: program.name,
		description: program.description,
		startDate: program.start_date,
		endDate: program.end_date,
		defaultLanguage: program.default_language,
		status: program.status,
		watchThreshold: program.watch_threshold,
		riskThreshold: program.risk_threshold,
		pairsSeeSummary: program.pairs_see_summary === 1,
		mentorMultipleProteges: program.mentor_multiple_proteges === 1,
		fields: programFields(program),
		fieldRule: program.field_rule,
		languageRule: program.language_rule,
		offeredLanguages: offeredList(program),
		bilingualQuestions: program.bilingual_questions === 1,
		checkInFirstDays: program.checkin_first_days,
		checkInEveryDays: program.checkin_every_days,
		followUpMonths: followUpMonthsOf(program.followup_months)
	};
}

/** The program's short list of fields, in its order; none when the stored list is unreadable. */
export function programFields(program: Pick<Program, 'fields'>): string[] {
	try {
		const fields: unknown = JSON.parse(program.fields);
		return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
	} catch {
		return [];
	}
}
