import { collator } from '$lib/intl';
import { foldForSearch } from '$lib/text/search-fold';
import type { DbOrTx } from '../db';
import type { Participant, ParticipantRole, ParticipantStatus } from '../db/schema';

export const PARTICIPANTS_PER_PAGE = 50;

export interface ParticipantFilter {
	role?: ParticipantRole | null;
	status?: ParticipantStatus | null;
	search?: string | null;
}

export interface ParticipantListing {
	rows: Participant[];
	/** People matching the filter, on every page. */
	total: number;
	page: number;
	pageCount: number;
	/** The first row's number in the whole list (1-based). */
	first: number;
}

function matching(
	db: DbOrTx,
	organizationId: string,
	programId: string,
	filter: ParticipantFilter
) {
	let query = db
		.selectFrom('participants')
		.where('program_id', '=', programId)
		.where('organization_id', '=', organizationId);
	if (filter.role) query = query.where('role', '=', filter.role);
	if (filter.status) query = query.where('status', '=', filter.status);
	return query;
}

/**
 * The people whose name, e-mail or occupation holds what was typed, accents and case aside
 * ("emilie" finds "Émilie Côté"), and `%` or `_` as the characters they are. Compared here rather
 * than with LIKE: SQLite lowercases ASCII letters only, and both engines read `%` and `_` as
 * wildcards.
 */
async function searched(
	db: DbOrTx,
	organizationId: string,
	programId: string,
	filter: ParticipantFilter,
	locale: string
): Promise<{ id: string; name: string }[]> {
	const query = matching(db, organizationId, programId, filter);
	const wanted = foldForSearch(filter.search ?? '', locale);
	if (!wanted) return query.select(['id', 'name']).execute();
	const people = await query.select(['id', 'name', 'email', 'occupation']).execute();
	return people.filter((person) =>
		[person.name, person.email, person.occupation ?? ''].some((text) =>
			foldForSearch(text, locale).includes(wanted)
		)
	);
}

/**
 * One page of a program's participants in the reader's alphabetical order ("Bélanger" before
 * "Bouchard" in French and English alike). SQLite sorts bytes, so the names are sorted here:
 * ids and names of every match are read (5,000 people ≈ 200 KB; with a search, their e-mail
 * and occupation too), whole rows only for the page.
 */
export async function listParticipantsPage(
	db: DbOrTx,
	organizationId: string,
	programId: string,
	filter: ParticipantFilter,
	requestedPage: number,
	locale: string
): Promise<ParticipantListing> {
	const names = await searched(db, organizationId, programId, filter, locale);
	const compare = collator(locale).compare;
	names.sort((a, b) => compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
	const pageCount = Math.max(1, Math.ceil(names.length / PARTICIPANTS_PER_PAGE));
	const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pageCount);
	const ids = names
		.slice((page - 1) * PARTICIPANTS_PER_PAGE, page * PARTICIPANTS_PER_PAGE)
		.map((row) => row.id);
	const rows =
		ids.length === 0
			? []
			: await db.selectFrom('participants').selectAll().where('id', 'in', ids).execute();
	const position = new Map(ids.map((id, index) => [id, index]));
	rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
	const first = (page - 1) * PARTICIPANTS_PER_PAGE + 1;
	return { rows, total: names.length, page, pageCount, first };
}
