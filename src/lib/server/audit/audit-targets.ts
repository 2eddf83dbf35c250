import { localized, waveLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { DbOrTx } from '../db';
import { pairsWithPeople } from '../pairs/pairs';

export interface AuditTarget {
	targetType: string | null;
	targetId: string | null;
}

type Names = Map<string, string>;
type NameLookup = (
	db: DbOrTx,
	organizationId: string,
	ids: string[],
	locale: string
) => Promise<Names>;

const CHUNK = 500;

function chunks(ids: string[]): string[][] {
	const parts: string[][] = [];
	for (let i = 0; i < ids.length; i += CHUNK) parts.push(ids.slice(i, i + CHUNK));
	return parts;
}

async function byChunks(
	ids: string[],
	read: (part: string[]) => Promise<[string, string][]>
): Promise<Names> {
	const names: Names = new Map();
	for (const part of chunks(ids)) for (const [id, name] of await read(part)) names.set(id, name);
	return names;
}

/** Tables whose rows have a name and belong to one organization. */
function namesIn(table: 'programs' | 'participants' | 'staff_users' | 'employers'): NameLookup {
	return (db, org, ids) =>
		byChunks(ids, async (part) =>
			(
				await db
					.selectFrom(table)
					.select(['id', 'name'])
					.where('organization_id', '=', org)
					.where('id', 'in', part)
					.execute()
			).map((row) => [row.id, row.name])
		);
}

const pairNames: NameLookup = (db, org, ids) =>
	byChunks(ids, async (part) =>
		(
			await pairsWithPeople(db)
				.select(['pairs.id', 'mentor.name as mentor', 'protege.name as protege'])
				.where('pairs.organization_id', '=', org)
				.where('pairs.id', 'in', part)
				.execute()
		).map((row) => [row.id, m.pair_names({ mentor: row.mentor, protege: row.protege })])
	);

const roundNames: NameLookup = (db, org, ids) =>
	byChunks(ids, async (part) =>
		(
			await db
				.selectFrom('rounds')
				.innerJoin('programs', 'programs.id', 'rounds.program_id')
				.select(['rounds.id', 'rounds.wave', 'programs.name as program'])
				.where('rounds.organization_id', '=', org)
				.where('rounds.id', 'in', part)
				.execute()
		).map((row) => [
			row.id,
			m.audit_target_round_name({ wave: waveLabel(row.wave), program: row.program })
		])
	);

const versionNames: NameLookup = (db, org, ids, locale) =>
	byChunks(ids, async (part) =>
		(
			await db
				.selectFrom('instrument_versions')
				.innerJoin('instruments', 'instruments.id', 'instrument_versions.instrument_id')
				.select(['instrument_versions.id', 'instrument_versions.name', 'number'])
				.where('instruments.organization_id', '=', org)
				.where('instrument_versions.id', 'in', part)
				.execute()
		).map((row) => [
			row.id,
			m.audit_target_version({
				name: localized(JSON.parse(row.name) as Record<string, string>, locale),
				number: row.number
			})
		])
	);

const organizationName: NameLookup = async (db, org, ids) => {
	if (!ids.includes(org)) return new Map();
	const row = await db
		.selectFrom('organizations')
		.select('name')
		.where('id', '=', org)
		.executeTakeFirst();
	return new Map(row ? [[org, row.name]] : []);
};

/** Only records of the reader's own organization are named: others read as gone. */
const LOOKUPS: Record<string, { label: () => string; names: NameLookup }> = {
	program: { label: m.audit_target_program, names: namesIn('programs') },
	participant: { label: m.audit_target_participant, names: namesIn('participants') },
	staff: { label: m.audit_target_staff, names: namesIn('staff_users') },
	employer: { label: m.audit_target_employer, names: namesIn('employers') },
	pair: { label: m.audit_target_pair, names: pairNames },
	round: { label: m.audit_target_round, names: roundNames },
	instrument_version: { label: m.audit_target_instrument_version, names: versionNames },
	organization: { label: m.audit_target_organization, names: organizationName }
};

const keyOf = (target: AuditTarget) => `${target.targetType}:${target.targetId}`;

/**
 * What each entry is about, in words ("Program: Spring cohort"), looked up in a few queries per
 * page of entries. Entries without a target are left out of the map.
 */
export async function describeTargets(
	db: DbOrTx,
	organizationId: string,
	targets: AuditTarget[],
	locale: string
): Promise<Map<string, string>> {
	const idsByType = new Map<string, Set<string>>();
	for (const { targetType, targetId } of targets) {
		if (!targetType || !targetId) continue;
		if (!idsByType.has(targetType)) idsByType.set(targetType, new Set());
		idsByType.get(targetType)!.add(targetId);
	}
	const words = new Map<string, string>();
	for (const [type, ids] of idsByType) {
		const lookup = Object.hasOwn(LOOKUPS, type) ? LOOKUPS[type] : undefined;
		const names = lookup ? await lookup.names(db, organizationId, [...ids], locale) : new Map();
		for (const id of ids) {
			const name = names.get(id);
			const label = lookup ? lookup.label() : type;
			words.set(
				keyOf({ targetType: type, targetId: id }),
				`${label}: ${name ?? m.audit_target_gone()}`
			);
		}
	}
	return words;
}

export function targetWords(words: Map<string, string>, target: AuditTarget): string | null {
	return words.get(keyOf(target)) ?? null;
}
