import { createHash } from 'node:crypto';
import {
	ASSESSMENT_VERSION,
	type PairAssessment,
	type ProgramEvidence
} from '$lib/alignment/program-analysis';
import type { PairRole, Wave } from '$lib/alignment/risk';
import type { DbOrTx } from '../db';
import { sliced } from '../util/slices';

/** Pairs' assessments, and the fingerprints of what each was worked out from, by pair id. */
export interface KeptAssessments {
	fingerprints: ReadonlyMap<string, string>;
	assessments: ReadonlyMap<string, PairAssessment>;
}

/** Rows per statement, within every engine's limit on bound values. */
const BATCH = 200;
/** Pairs assessed from their answers at a time. */
const ASSESSED_AT_ONCE = 1000;

/**
 * What every pair's assessment in a program shares: the assessment's version, the instrument
 * version its constructs come from, the thresholds and the rule keys, as a short hash.
 */
export function programFingerprint(
	instrumentVersionId: string | null,
	{ thresholds, keys }: Pick<ProgramEvidence, 'thresholds' | 'keys'>
): string {
	const inputs = JSON.stringify([ASSESSMENT_VERSION, instrumentVersionId, thresholds, keys]);
	return createHash('sha256').update(inputs).digest('base64url').slice(0, 22);
}

/**
 * Everything one pair's assessment is worked out from: the program's part, the surveys that
 * speak for mentor and protégé at each wave (a sent survey never changes), its answered pulse
 * check-ins (never changed once answered), the version of its agreement both sides confirmed,
 * and its overdue surveys, last.
 */
export function pairFingerprint(
	program: string,
	surveys: Record<Wave, Partial<Record<PairRole, { id: string }>> | undefined>,
	overdue: readonly { person: PairRole; wave: Wave }[],
	pulses: readonly { id: string }[] = [],
	agreement?: { version: string }
): string {
	const { pre, mid } = surveys;
	const late = overdue.map(({ person, wave }) => `${person}:${wave}`).join();
	const signals = pulses.map((pulse) => pulse.id);
	if (agreement) signals.push(agreement.version);
	const checkIns = signals.join();
	return `${program}|${pre?.mentor?.id ?? ''}|${pre?.protege?.id ?? ''}|${mid?.mentor?.id ?? ''}|${mid?.protege?.id ?? ''}|${checkIns}|${late}`;
}

/** The overdue surveys a pair's fingerprint names, in the order pairFingerprint wrote them. */
export function overdueOf(fingerprint: string): { person: PairRole; wave: Wave }[] {
	const late = fingerprint.slice(fingerprint.lastIndexOf('|') + 1);
	if (late === '') return [];
	return late.split(',').map((entry) => {
		const [person, wave] = entry.split(':') as [PairRole, Wave];
		return { person, wave };
	});
}

const WAVES = ['pre', 'mid'] as const;
const ROLES = ['mentor', 'protege'] as const;

/**
 * How an assessment is kept: its reasons as JSON, and its many numbers (per wave the score and
 * each construct's divergence, then each partner's positions) as the bytes of 64-bit floats in
 * base64, which read back exactly and several times faster than JSON numbers. NaN
 * stands for null, and `present` says whose positions there are (a bit per wave and role).
 */
interface StoredAssessment {
	status: PairAssessment['risk']['status'];
	latest: PairAssessment['risk']['latest'];
	reasons: PairAssessment['risk']['reasons'];
	present: number;
	numbers: string;
}

/** Numbers per assessment: per wave a score and each construct's divergence, then positions. */
const numberCount = (constructs: number) => 2 * (1 + constructs) + 4 * constructs;

function encode({ risk, positions }: PairAssessment, keys: readonly string[]): string {
	const numbers = new Float64Array(numberCount(keys.length));
	let at = 0;
	const put = (value: number | null | undefined) => (numbers[at++] = value ?? Number.NaN);
	let present = 0;
	for (const wave of WAVES) {
		put(risk.partners[wave].score);
		for (const key of keys) put(risk.partners[wave].byConstruct[key]);
	}
	WAVES.forEach((wave, w) =>
		ROLES.forEach((role, r) => {
			const values = positions[wave][role];
			if (values) present |= 1 << (2 * w + r);
			for (let i = 0; i < keys.length; i++) put(values?.[i]);
		})
	);
	const stored: StoredAssessment = {
		status: risk.status,
		latest: risk.latest,
		reasons: risk.reasons,
		present,
		numbers: Buffer.from(numbers.buffer).toString('base64')
	};
	return JSON.stringify(stored);
}

/**
 * The same value with each string in it that `seen` already holds replaced by that one: the
 * reasons of thousands of pairs name the same few items, kinds and answers, and each parsed
 * copy would otherwise be kept for as long as the program's evidence.
 */
function sharingStrings<T>(value: T, seen: Map<string, string>): T {
	if (typeof value === 'string') {
		const known = seen.get(value);
		if (known !== undefined) return known as T;
		seen.set(value, value);
		return value;
	}
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) value[i] = sharingStrings(value[i], seen);
	} else if (value !== null && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) record[key] = sharingStrings(record[key], seen);
	}
	return value;
}

/**
 * Reads kept assessments back, one after another: the numbers of each are decoded into the same
 * buffer (so that thousands of them make no garbage of their own), and the reasons' strings are
 * shared across pairs.
 */
function decoderFor(keys: readonly string[]): (text: string, pairId: string) => PairAssessment {
	const count = numberCount(keys.length);
	// A buffer of its own, so that the floats start where a Float64Array may read them.
	const bytes = Buffer.alloc(count * 8);
	const numbers = new Float64Array(bytes.buffer, bytes.byteOffset, count);
	const seen = new Map<string, string>();
	return (text, pairId) => {
		const stored = JSON.parse(text) as StoredAssessment;
		bytes.write(stored.numbers, 'base64');
		let at = 0;
		const take = () => {
			const value = numbers[at++]!;
			return Number.isNaN(value) ? null : value;
		};
		const alignment = () => {
			const score = take();
			const byConstruct: Record<string, number | null> = {};
			for (const key of keys) byConstruct[key] = take();
			return { score, byConstruct };
		};
		const partners = { pre: alignment(), mid: alignment() };
		const positions: PairAssessment['positions'] = { pre: {}, mid: {} };
		WAVES.forEach((wave, w) =>
			ROLES.forEach((role, r) => {
				if (stored.present & (1 << (2 * w + r))) {
					// Sized exactly: Array.from would leave room to grow, twice the memory.
					const values = new Array<number>(keys.length);
					for (let i = 0; i < keys.length; i++) values[i] = numbers[at + i]!;
					positions[wave][role] = values;
				}
				at += keys.length;
			})
		);
		const { status, latest } = stored;
		const reasons = sharingStrings(stored.reasons, seen);
		return { risk: { pairId, status, reasons, partners, latest }, positions };
	};
}

/** The kept assessments whose fingerprint is still the one given, of a whole program or some pairs. */
async function readKept(
	db: DbOrTx,
	programId: string,
	keys: readonly string[],
	fingerprints: ReadonlyMap<string, string>,
	pairIds: string[] | null
): Promise<Map<string, PairAssessment>> {
	const kept = new Map<string, PairAssessment>();
	const decode = decoderFor(keys);
	const slices = pairIds === null ? [null] : sliced(pairIds, BATCH);
	for (const slice of slices) {
		const rows = await db
			.selectFrom('pair_assessments')
			.select(['pair_id', 'fingerprint', 'assessment'])
			.where('program_id', '=', programId)
			.$if(slice !== null, (qb) => qb.where('pair_id', 'in', slice!))
			.execute();
		for (const row of rows)
			if (fingerprints.get(row.pair_id) === row.fingerprint)
				kept.set(row.pair_id, decode(row.assessment, row.pair_id));
	}
	return kept;
}

export interface KeptRow {
	pair_id: string;
	fingerprint: string;
	assessment: string;
}

/** A program's kept assessments as stored, in pair id order; decoded by decodeKept. */
export async function everyKeptRow(db: DbOrTx, programId: string): Promise<KeptRow[]> {
	return db
		.selectFrom('pair_assessments')
		.select(['pair_id', 'fingerprint', 'assessment'])
		.where('program_id', '=', programId)
		.orderBy('pair_id')
		.execute();
}

export function decodeKept(
	rows: readonly { pair_id: string; assessment: string }[],
	keys: readonly string[]
): Map<string, PairAssessment> {
	const decode = decoderFor(keys);
	return new Map(rows.map((row) => [row.pair_id, decode(row.assessment, row.pair_id)]));
}

async function keep(
	db: DbOrTx,
	programId: string,
	keys: readonly string[],
	fingerprints: ReadonlyMap<string, string>,
	fresh: ReadonlyMap<string, PairAssessment>
): Promise<void> {
	for (const slice of sliced([...fresh], BATCH)) {
		await db
			.insertInto('pair_assessments')
			.values(
				slice.map(([pairId, assessment]) => ({
					pair_id: pairId,
					program_id: programId,
					fingerprint: fingerprints.get(pairId)!,
					assessment: encode(assessment, keys)
				}))
			)
			.onConflict((oc) =>
				oc.column('pair_id').doUpdateSet((eb) => ({
					fingerprint: eb.ref('excluded.fingerprint'),
					assessment: eb.ref('excluded.assessment')
				}))
			)
			.execute();
	}
}

/**
 * Every pair's assessment, by pair id. Where its fingerprint is unchanged, it comes from the
 * build before (`known`) or from the database; the rest are worked out from their answers
 * (`assess`) and kept in the database for every server process after this one.
 */
export async function assessedPairs(
	db: DbOrTx,
	programId: string,
	/** The constructs' keys, in order: how the kept numbers are laid out. */
	keys: readonly string[],
	fingerprints: ReadonlyMap<string, string>,
	known: KeptAssessments | undefined,
	assess: (pairIds: string[]) => Promise<ReadonlyMap<string, PairAssessment>>
): Promise<Map<string, PairAssessment>> {
	const assessed = new Map<string, PairAssessment>();
	const unknown: string[] = [];
	for (const [pairId, fingerprint] of fingerprints) {
		const before =
			known?.fingerprints.get(pairId) === fingerprint ? known.assessments.get(pairId) : undefined;
		if (before) assessed.set(pairId, before);
		else unknown.push(pairId);
	}
	if (unknown.length === 0) return assessed;
	// A whole program in one query when little is known; otherwise only the pairs that moved.
	const whole = unknown.length > fingerprints.size / 2;
	const kept = await readKept(db, programId, keys, fingerprints, whole ? null : unknown);
	const stale: string[] = [];
	for (const pairId of unknown) {
		const assessment = kept.get(pairId);
		if (assessment) assessed.set(pairId, assessment);
		else stale.push(pairId);
	}
	// In slices, so that only a slice's answers are in memory at once, however many pairs changed.
	for (const slice of sliced(stale, ASSESSED_AT_ONCE)) {
		const fresh = await assess(slice);
		await keep(db, programId, keys, fingerprints, fresh);
		for (const [pairId, assessment] of fresh) assessed.set(pairId, assessment);
	}
	return assessed;
}
