import { createHash, type Hash } from 'node:crypto';

/** What a SQLite column holds, by its declared type's affinity; PostgreSQL has the same three. */
export type ColumnKind = 'integer' | 'real' | 'text';

/**
 * One value as text both engines agree on. Integers are compared exactly (SQLite hands them over
 * as bigint, PostgreSQL as `::text`), so a value past 2^53 that a JS number would round still
 * counts. Doubles go through one JS number: PostgreSQL prints them shortest-exact, so the number
 * is the stored one. Booleans are 0/1 integers on both sides.
 */
export function canonicalValue(kind: ColumnKind, value: unknown): string | null {
	if (value === null) return null;
	if (kind === 'integer' && (typeof value === 'bigint' || typeof value === 'string'))
		return BigInt(value).toString();
	if (kind === 'real' && (typeof value === 'number' || typeof value === 'string'))
		return String(Number(value));
	if (kind === 'text' && typeof value === 'string') return value;
	throw new Error(`Expected a value of kind ${kind}, found ${typeof value} ${String(value)}`);
}

/** A table's rows, in primary-key order, hashed value by value: the count and a SHA-256. */
export class TableChecksum {
	readonly #kinds: readonly ColumnKind[];
	readonly #hash: Hash = createHash('sha256');
	rows = 0;

	constructor(kinds: readonly ColumnKind[]) {
		this.#kinds = kinds;
	}

	add(values: readonly unknown[]): void {
		const line = values.map((value, i) => canonicalValue(this.#kinds[i]!, value));
		this.#hash.update(JSON.stringify(line)).update('\n');
		this.rows++;
	}

	digest(): string {
		return this.#hash.digest('hex');
	}
}
