import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/db/open';
import { openDatabaseAt } from './database-location';
import type { LoadLedger } from './load-ledger';

const sameAnswer = (values: string[]) => JSON.stringify([...values].sort());

function storedAnswer(json: string): string {
	const value = JSON.parse(json) as string | string[];
	return sameAnswer(Array.isArray(value) ? value : [value]);
}

interface Expectation {
	/** An acknowledged save carried this question: an answer must be stored. */
	required: boolean;
	/** What may be stored: the last acknowledged answer and any sent after it whose reply was lost. */
	allowed: Set<string>;
}

/** What the database must hold for each question, given what each person was told. */
function expectations(ledger: LoadLedger): Map<string, Expectation> {
	const byQuestion = new Map<string, Expectation>();
	for (const attempt of ledger.saves) {
		for (const [itemKey, values] of Object.entries(attempt.answers)) {
			const key = `${attempt.assignmentId} ${itemKey}`;
			const expectation = byQuestion.get(key) ?? { required: false, allowed: new Set<string>() };
			if (attempt.outcome === 'acked') {
				expectation.required = true;
				expectation.allowed = new Set([sameAnswer(values)]);
			} else if (attempt.outcome === 'lost') expectation.allowed.add(sameAnswer(values));
			byQuestion.set(key, expectation);
		}
	}
	return byQuestion;
}

/**
 * Compares the database with the ledger: every acknowledged answer stored (the latest one
 * acknowledged, or one sent later whose reply was lost), nothing stored that was refused or
 * never sent, no question stored twice, and every acknowledged "send" sent. Returns the problems.
 */
export async function findLedgerProblems(db: Db, ledger: LoadLedger): Promise<string[]> {
	const problems: string[] = [];
	const assignmentIds = [...new Set(ledger.saves.map((s) => s.assignmentId))];
	const rows = assignmentIds.length
		? await db
				.selectFrom('responses')
				.select(['assignment_id', 'item_key', 'value'])
				.where('assignment_id', 'in', assignmentIds)
				.execute()
		: [];
	const stored = new Map(rows.map((r) => [`${r.assignment_id} ${r.item_key}`, r.value]));
	for (const [key, expectation] of expectations(ledger)) {
		const value = stored.get(key);
		if (value === undefined) {
			if (expectation.required) problems.push(`${key}: acknowledged answer missing`);
		} else if (!expectation.allowed.has(storedAnswer(value))) {
			problems.push(
				`${key}: stored ${value}, expected one of ${[...expectation.allowed].join(' | ')}`
			);
		}
		stored.delete(key);
	}
	for (const key of stored.keys()) problems.push(`${key}: stored but never sent`);

	const duplicates = await db
		.selectFrom('responses')
		.select(['assignment_id', 'item_key', sql<number>`count(*)`.as('copies')])
		.groupBy(['assignment_id', 'item_key'])
		.having(sql`count(*)`, '>', 1)
		.execute();
	for (const d of duplicates)
		problems.push(`${d.assignment_id} ${d.item_key}: stored ${d.copies} times`);

	const assignments = await db
		.selectFrom('assignments')
		.select(['id', 'status', 'submitted_at'])
		.where('id', 'in', assignmentIds.length ? assignmentIds : [''])
		.execute();
	for (const assignment of assignments) {
		const submits = ledger.submits.filter((s) => s.assignmentId === assignment.id);
		const sent = assignment.status === 'submitted' && assignment.submitted_at !== null;
		const firstAck = Math.min(...submits.map((s) => s.ackedAt ?? Infinity));
		if (firstAck < Infinity && !sent)
			problems.push(`${assignment.id}: acknowledged as sent, but ${assignment.status}`);
		if (sent && assignment.submitted_at! > firstAck)
			problems.push(`${assignment.id}: sent again after the first "send" was acknowledged`);
		if (sent && !submits.some((s) => s.outcome !== 'refused'))
			problems.push(`${assignment.id}: sent without an accepted "send"`);
	}
	return problems;
}

/** The same check on a database file, through a connection of its own (the server's is separate). */
export async function findLedgerProblemsInFile(
	path: string,
	ledger: LoadLedger
): Promise<string[]> {
	const db = openDatabaseAt(path);
	try {
		return await findLedgerProblems(db, ledger);
	} finally {
		await db.destroy();
	}
}
