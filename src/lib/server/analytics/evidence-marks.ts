import { createHash } from 'node:crypto';
import type { DbOrTx } from '../db';

/**
 * A program's evidence mark: the stamp (evidence-cache.ts) its evidence was last built at, and a
 * digest of every pair's kept assessment fingerprint then (pair-assessments.ts). While the
 * program's stamp is still the one marked and its kept fingerprints still give the digest, every
 * kept assessment is the one its pair's surveys give: a server process with nothing of the
 * program in memory may read them without reading every survey row to check them.
 *
 * The digest guards against builds that overlap: one that read older rows may write its
 * assessments after a newer build marked the program; the fingerprints then no longer match.
 */
const hashed = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The fingerprints in the order given (pair id order, as the pairs are read). */
export function fingerprintsDigest(fingerprints: ReadonlyMap<string, string>): string {
	const lines: string[] = [];
	for (const [pairId, fingerprint] of fingerprints) lines.push(`${pairId}=${fingerprint}`);
	return hashed(lines.join('\n'));
}

export async function markEvidence(
	db: DbOrTx,
	programId: string,
	stampKey: string,
	fingerprints: ReadonlyMap<string, string>
): Promise<void> {
	const mark = { stamp: hashed(stampKey), digest: fingerprintsDigest(fingerprints) };
	await db
		.insertInto('evidence_marks')
		.values({ program_id: programId, ...mark })
		.onConflict((oc) => oc.column('program_id').doUpdateSet(mark))
		.execute();
}

/** The digest the program was marked with at this stamp; null when marked at another or never. */
export async function markedDigest(
	db: DbOrTx,
	programId: string,
	stampKey: string
): Promise<string | null> {
	const mark = await db
		.selectFrom('evidence_marks')
		.select(['stamp', 'digest'])
		.where('program_id', '=', programId)
		.executeTakeFirst();
	return mark?.stamp === hashed(stampKey) ? mark.digest : null;
}
