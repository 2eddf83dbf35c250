import type { Insertable } from 'kysely';
import type { InstrumentDocument } from '../../src/lib/instruments/types';
import type { DbOrTx } from '../../src/lib/server/db/open';
import type { Database, Program } from '../../src/lib/server/db/schema';
import { newProgramValues } from '../../src/lib/server/programs/program-form';
import { createProgram, findProgram } from '../../src/lib/server/programs/programs';
import { DEFAULT_REMINDER_DAYS } from '../../src/lib/server/rounds/round-state';
import { generateId } from '../../src/lib/server/util/ids';
import { todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';
import type { Wave } from './synthetic-answers';

export const DAY = 24 * 60 * 60_000;

/** The bench organization's staff and its published instrument. */
export interface Team {
	organizationId: string;
	adminId: string;
	staffIds: string[];
	versionId: string;
	document: InstrumentDocument;
}

export type Row<T extends keyof Database> = Insertable<Database[T]>;

/** Multi-row inserts as large as SQLite's bound-parameter limit allows. */
export async function insertAll<T extends keyof Database>(db: DbOrTx, table: T, rows: Row<T>[]) {
	if (rows.length === 0) return;
	const size = Math.floor(30_000 / Object.keys(rows[0]!).length);
	for (let i = 0; i < rows.length; i += size)
		await db
			.insertInto(table)
			.values(rows.slice(i, i + size) as never)
			.execute();
}

/** A program that started seven weeks ago and ends in nine, with the default settings. */
export async function createBenchProgram(
	tx: DbOrTx,
	team: Team,
	name: string,
	now: number
): Promise<Program> {
	const id = await createProgram(
		tx,
		team.organizationId,
		{
			...newProgramValues(todayIn(DEFAULT_TIME_ZONE, now)),
			name,
			startDate: todayIn(DEFAULT_TIME_ZONE, now - 49 * DAY),
			endDate: todayIn(DEFAULT_TIME_ZONE, now + 63 * DAY)
		},
		now - 70 * DAY
	);
	return (await findProgram(tx, team.organizationId, id))!;
}

/** A round of `wave` open from `days[0]` to `days[1]` days from now. */
export function roundRow(
	team: Team,
	programId: string,
	wave: Wave,
	days: [number, number],
	now: number
) {
	return {
		id: generateId(),
		organization_id: team.organizationId,
		program_id: programId,
		instrument_version_id: team.versionId,
		wave,
		opens_on: todayIn(DEFAULT_TIME_ZONE, now + days[0] * DAY),
		closes_on: todayIn(DEFAULT_TIME_ZONE, now + days[1] * DAY),
		closed_at: null,
		reminder_days: JSON.stringify(DEFAULT_REMINDER_DAYS),
		created_by: team.adminId,
		created_at: now + days[0] * DAY
	};
}
