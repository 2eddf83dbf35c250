import { createHash } from 'node:crypto';
import type { DbOrTx } from '../db';
import { stampOfKey, type EvidenceStamp } from './evidence-cache';

/**
 * A program's evidence mark: the stamp (evidence-cache.ts) its evidence was last built at, and a
 * digest of every pair's kept assessment fingerprint then (pair-assessments.ts). While the
 * program's kept fingerprints still give the digest, the kept assessments are those its pairs'
 * surveys gave at that stamp: a server process with nothing of the program in memory reads them
 * instead of every survey row, and takes in only the surveys sent since (whole-program.ts).
 *
 * The digest guards against builds that overlap: one that read older rows may write its
 * assessments after a newer build marked the program; the fingerprints then no longer match.
 */
export function fingerprintsDigest(fingerprints: ReadonlyMap<string, string>): string {
	const lines: string[] = [];
	for (const [pairId, fingerprint] of fingerprints) lines.push(`${pairId}=${fingerprint}`);
	return createHash('sha256').update(lines.join('\n')).digest('base64url');
}

export async function markEvidence(
	db: DbOrTx,
	programId: string,
	stamp: EvidenceStamp,
	fingerprints: ReadonlyMap<string, string>
): Promise<void> {
	const mark = { stamp: stamp.key, digest: fingerprintsDigest(fingerprints) };
	await db
		.insertInto('evidence_marks')
		.values({ program_id: programId, ...mark })
		.onConflict((oc) => oc.column('program_id').doUpdateSet(mark))
		.execute();
}

/** The program's mark: the stamp it was made at and its digest; null when never marked. */
export async function readMark(
	db: DbOrTx,
	programId: string
): Promise<{ stamp: EvidenceStamp; digest: string } | null> {
	const mark = await db
		.selectFrom('evidence_marks')
		.select(['stamp', 'digest'])
		.where('program_id', '=', programId)
		.executeTakeFirst();
	return mark ? { stamp: stampOfKey(mark.stamp), digest: mark.digest } : null;
}
