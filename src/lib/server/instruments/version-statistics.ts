import type { InstrumentDocument } from '$lib/instruments/types';
import {
	instrumentStatistics,
	type ConstructStatistics,
	type SentResponse
} from '$lib/statistics/instrument-statistics';
import { loadEveryAnswer } from '../analytics/submitted-answers';
import type { DbOrTx } from '../db';
import { sliced } from '../util/slices';
import { loadVersionDocument } from './load-document';

/** Sent surveys read per query. */
const SLICE = 500;
/**
 * The latest sent surveys a version's statistics are worked out from: enough for stable figures,
 * and a bound on what opening the outline of a much-used survey costs.
 */
export const LATEST_SURVEYS = 2000;

export interface VersionStatistics {
	/** The version whose answers these are: this one, or the one a new draft was made from. */
	fromVersionId: string | null;
	statistics: ConstructStatistics[];
}

/** The latest surveys sent on a version in the organization, with their role and wave. */
async function sentResponses(
	db: DbOrTx,
	organizationId: string,
	versionId: string
): Promise<SentResponse[]> {
	const rows = await db
		.selectFrom('assignments')
		.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
		.select(['assignments.id', 'assignments.role', 'rounds.wave'])
		.where('assignments.organization_id', '=', organizationId)
		.where('rounds.instrument_version_id', '=', versionId)
		.where('assignments.status', '=', 'submitted')
		.orderBy('assignments.submitted_at', 'desc')
		.orderBy('assignments.id')
		.limit(LATEST_SURVEYS)
		.execute();
	const responses: SentResponse[] = [];
	for (const slice of sliced(rows, SLICE)) {
		const answers = await loadEveryAnswer(
			db,
			slice.map((row) => row.id)
		);
		for (const row of slice)
			responses.push({ role: row.role, wave: row.wave, answers: answers.get(row.id) ?? {} });
	}
	return responses;
}

/**
 * How a version's items behave in the surveys sent on it; for a version never sent (a new draft),
 * in those sent on the version it was made from.
 */
export async function versionStatistics(
	db: DbOrTx,
	organizationId: string,
	version: { id: string; basedOnVersionId: string | null },
	document: InstrumentDocument
): Promise<VersionStatistics> {
	for (const sourceId of [version.id, version.basedOnVersionId]) {
		if (!sourceId) continue;
		const responses = await sentResponses(db, organizationId, sourceId);
		if (responses.length === 0) continue;
		const source = sourceId === version.id ? document : await loadVersionDocument(db, sourceId);
		if (!source) continue;
		return {
			fromVersionId: sourceId,
			statistics: instrumentStatistics(source.constructs, responses)
		};
	}
	return { fromVersionId: null, statistics: [] };
}
