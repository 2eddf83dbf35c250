import type { ConfirmedAgreement } from '$lib/alignment/agreement';
import { termsOfRow } from '$lib/pairs/agreement';
import type { DbOrTx } from '../db';
import { sliced } from '../util/slices';

/** Rows per statement, within every engine's limit on bound values. */
const BATCH = 500;

/** A confirmed agreement as the risk rules read it, with what names its version (for fingerprints). */
export interface PairAgreementEvidence extends ConfirmedAgreement {
	version: string;
}

/**
 * The agreements both sides of a program's pairs (or of some of them) confirmed, by pair id:
 * what the risk rules compare check-ins and `mid` answers with.
 */
export async function loadAgreements(
	db: DbOrTx,
	programId: string,
	pairIds?: readonly string[]
): Promise<Map<string, PairAgreementEvidence>> {
	const slices = pairIds === undefined ? [null] : sliced(pairIds, BATCH);
	const byPair = new Map<string, PairAgreementEvidence>();
	for (const slice of slices) {
		const rows = await db
			.selectFrom('pair_agreements')
			.select(['id', 'pair_id', 'frequency', 'modes', 'starter', 'goals', 'agreed_at'])
			.where('program_id', '=', programId)
			.where('agreed_at', 'is not', null)
			.$if(slice !== null, (qb) => qb.where('pair_id', 'in', slice!))
			.execute();
		for (const row of rows) {
			const agreedAt = Number(row.agreed_at);
			byPair.set(row.pair_id, {
				terms: termsOfRow(row),
				agreedAt,
				version: `${row.id}@${agreedAt}`
			});
		}
	}
	return byPair;
}

/** How many of a program's agreements stand, and their latest change and confirmation: for its evidence stamp. */
export async function agreementStamp(db: DbOrTx, programId: string): Promise<number[]> {
	const row = await db
		.selectFrom('pair_agreements')
		.select((eb) => [
			eb.fn.count('agreed_at').as('agreed'),
			eb.fn.max('changed_at').as('changed'),
			eb.fn.max('agreed_at').as('latest')
		])
		.where('program_id', '=', programId)
		.executeTakeFirst();
	return [Number(row?.agreed ?? 0), Number(row?.changed ?? 0), Number(row?.latest ?? 0)];
}
