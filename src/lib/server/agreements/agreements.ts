import type { PairRole } from '$lib/alignment/risk';
import { itemLabel } from '$lib/instruments/item-label';
import type { InstrumentDocument } from '$lib/instruments/types';
import {
	EMPTY_TERMS,
	focusItems,
	prefillTerms,
	sameTerms,
	termsOfRow,
	type AgreementTerms
} from '$lib/pairs/agreement';
import type { Db, DbOrTx } from '../db';
import type { PairAgreementRow, Participant } from '../db/schema';
import { pairsWithPeople } from '../pairs/pairs';
import { loadAnswers } from '../survey/answers';
import { roundDocument } from '../survey/assignments';
import { bothSubmitted } from '../survey/conversation-guide';
import { generateId } from '../util/ids';

/** A pair as one of its two people sees it, while they can still agree on something. */
export interface AgreementPair {
	id: string;
	organizationId: string;
	programId: string;
	role: PairRole;
	viewerId: string;
	partnerId: string;
	partnerName: string;
	/** The program lets pairs see where their `pre` answers agree (and so prefills with them). */
	seesSummary: boolean;
}

/** Where an agreement stands, for one of its two people. */
export interface AgreementState {
	terms: AgreementTerms;
	/** Saved by someone; else the terms are a proposal from the `pre` answers, or empty. */
	saved: boolean;
	prefilled: boolean;
	/** The version the confirm button confirms (its time of change). */
	version: number | null;
	confirmedByMe: boolean;
	confirmedByPartner: boolean;
	agreedAt: number | null;
}

const OPEN_STATUSES = ['active', 'paused'] as const;

function ownPairs(db: DbOrTx, participant: Participant) {
	return pairsWithPeople(db)
		.innerJoin('programs', 'programs.id', 'pairs.program_id')
		.select([
			'pairs.id',
			'pairs.organization_id',
			'pairs.program_id',
			'pairs.mentor_id',
			'pairs.protege_id',
			'mentor.name as mentorName',
			'protege.name as protegeName',
			'programs.pairs_see_summary'
		])
		.where('pairs.organization_id', '=', participant.organization_id)
		.where('pairs.program_id', '=', participant.program_id)
		.where('pairs.status', 'in', OPEN_STATUSES)
		.where((eb) =>
			eb.or([
				eb('pairs.mentor_id', '=', participant.id),
				eb('pairs.protege_id', '=', participant.id)
			])
		)
		.orderBy('pairs.created_at');
}

type OwnPairRow = Awaited<ReturnType<ReturnType<typeof ownPairs>['executeTakeFirstOrThrow']>>;

function asAgreementPair(participant: Participant, row: OwnPairRow): AgreementPair {
	const isMentor = row.mentor_id === participant.id;
	return {
		id: row.id,
		organizationId: row.organization_id,
		programId: row.program_id,
		role: isMentor ? 'mentor' : 'protege',
		viewerId: participant.id,
		partnerId: isMentor ? row.protege_id : row.mentor_id,
		partnerName: isMentor ? row.protegeName : row.mentorName,
		seesSummary: row.pairs_see_summary === 1
	};
}

/** One of this participant's open pairs, or null (a 404) for any other pair. */
export async function findAgreementPair(
	db: DbOrTx,
	participant: Participant,
	pairId: string
): Promise<AgreementPair | null> {
	const row = await ownPairs(db, participant).where('pairs.id', '=', pairId).executeTakeFirst();
	return row ? asAgreementPair(participant, row) : null;
}

/** This participant's open pairs with where their agreement stands, for the portal. */
export async function listAgreementLinks(db: DbOrTx, participant: Participant) {
	const rows = await ownPairs(db, participant).execute();
	const stored = await storedAgreements(
		db,
		rows.map((row) => row.id)
	);
	return rows.map((row) => {
		const pair = asAgreementPair(participant, row);
		const agreement = stored.get(row.id);
		const mine = agreement && confirmedBy(agreement, pair.role);
		return {
			pairId: pair.id,
			partnerName: pair.partnerName,
			state: !agreement
				? ('none' as const)
				: agreement.agreed_at !== null
					? ('agreed' as const)
					: mine
						? ('waiting' as const)
						: ('to_confirm' as const)
		};
	});
}

async function storedAgreements(db: DbOrTx, pairIds: string[]) {
	if (pairIds.length === 0) return new Map<string, PairAgreementRow>();
	const rows = await db
		.selectFrom('pair_agreements')
		.selectAll()
		.where('pair_id', 'in', pairIds)
		.execute();
	return new Map(rows.map((row) => [row.pair_id, row]));
}

const confirmedBy = (row: PairAgreementRow, role: PairRole) =>
	(role === 'mentor' ? row.mentor_confirmed_at : row.protege_confirmed_at) !== null;

/**
 * The instrument of the program's latest `pre` round and, when the program lets pairs see where
 * they agree and both answered it, both people's answers.
 */
async function preEvidence(db: DbOrTx, pair: AgreementPair) {
	const answered = await bothSubmitted(db, pair.programId, {
		pairId: pair.id,
		viewerId: pair.viewerId,
		partnerId: pair.partnerId
	});
	const document = answered
		? await roundDocument(db, answered.round)
		: await programPreDocument(db, pair.programId);
	if (!document || !answered || !pair.seesSummary) return { document, prefill: null };
	const [mine, partner] = await Promise.all([
		loadAnswers(db, answered.mine),
		loadAnswers(db, answered.partner)
	]);
	return { document, prefill: prefillTerms(document.constructs, mine, partner) };
}

/** The instrument of the program's latest `pre` round, if it has one. */
async function programPreDocument(
	db: DbOrTx,
	programId: string
): Promise<InstrumentDocument | null> {
	const round = await db
		.selectFrom('rounds')
		.select('instrument_version_id')
		.where('program_id', '=', programId)
		.where('wave', '=', 'pre')
		.orderBy('created_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	return round ? roundDocument(db, round) : null;
}

/** A pair's agreement as its coordinator sees it: the terms, and who has confirmed. */
export async function staffAgreementView(
	db: DbOrTx,
	pair: { id: string; program_id: string },
	language: string
) {
	const row = (await storedAgreements(db, [pair.id])).get(pair.id);
	if (!row) return null;
	const document = await programPreDocument(db, pair.program_id);
	return {
		terms: termsOfRow(row),
		goalChoices: goalChoices(document, language),
		agreedAt: row.agreed_at === null ? null : Number(row.agreed_at),
		waitingFor:
			row.agreed_at !== null
				? null
				: confirmedBy(row, 'mentor')
					? ('protege' as const)
					: ('mentor' as const)
	};
}

/** The focus topics a pair may choose as goals, in the reader's language. */
export function goalChoices(document: InstrumentDocument | null, language: string) {
	return focusItems(document?.constructs ?? []).map((item) => ({
		key: item.key,
		label: itemLabel(item, language)
	}));
}

/** Where a pair's agreement stands for one of them, with the goals they may choose. */
export async function agreementState(
	db: DbOrTx,
	pair: AgreementPair
): Promise<{ state: AgreementState; document: InstrumentDocument | null }> {
	const row = (await storedAgreements(db, [pair.id])).get(pair.id);
	const { document, prefill } = await preEvidence(db, pair);
	if (!row) {
		const terms = prefill ?? EMPTY_TERMS;
		return {
			document,
			state: {
				terms,
				saved: false,
				prefilled: prefill !== null && !sameTerms(terms, EMPTY_TERMS),
				version: null,
				confirmedByMe: false,
				confirmedByPartner: false,
				agreedAt: null
			}
		};
	}
	const partnerRole: PairRole = pair.role === 'mentor' ? 'protege' : 'mentor';
	return {
		document,
		state: {
			terms: termsOfRow(row),
			saved: true,
			prefilled: false,
			version: Number(row.changed_at),
			confirmedByMe: confirmedBy(row, pair.role),
			confirmedByPartner: confirmedBy(row, partnerRole),
			agreedAt: row.agreed_at === null ? null : Number(row.agreed_at)
		}
	};
}

const confirmColumn = (role: PairRole) =>
	role === 'mentor' ? ('mentor_confirmed_at' as const) : ('protege_confirmed_at' as const);

/**
 * Saves the terms one side wrote, confirmed by them. Unchanged terms only add their confirmation
 * (and make it agreed when the other side stands by it too); changed terms clear the other
 * side's confirmation, for them to read again.
 */
export async function saveAgreement(
	db: Db,
	pair: AgreementPair,
	terms: AgreementTerms,
	now = Date.now()
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const row = (await storedAgreements(tx, [pair.id])).get(pair.id);
		const mine = confirmColumn(pair.role);
		const columns = {
			frequency: terms.frequency,
			modes: JSON.stringify(terms.modes),
			starter: terms.starter,
			goals: JSON.stringify(terms.goals)
		};
		if (!row) {
			await tx
				.insertInto('pair_agreements')
				.values({
					id: generateId(),
					organization_id: pair.organizationId,
					program_id: pair.programId,
					pair_id: pair.id,
					...columns,
					changed_by: pair.role,
					changed_at: now,
					[mine]: now
				})
				.onConflict((oc) => oc.column('pair_id').doNothing())
				.execute();
			return;
		}
		if (sameTerms(termsOfRow(row), terms)) {
			await confirmRow(tx, row, pair.role, now);
			return;
		}
		await tx
			.updateTable('pair_agreements')
			.set({
				...columns,
				changed_by: pair.role,
				changed_at: now,
				mentor_confirmed_at: null,
				protege_confirmed_at: null,
				agreed_at: null,
				[mine]: now
			})
			.where('id', '=', row.id)
			.execute();
	});
}

/**
 * One side stands by the version they read (`version`, its time of change): false when it has
 * changed since, for them to read it again.
 */
export async function confirmAgreement(
	db: Db,
	pair: AgreementPair,
	version: number,
	now = Date.now()
): Promise<boolean> {
	return db.transaction().execute(async (tx) => {
		const row = (await storedAgreements(tx, [pair.id])).get(pair.id);
		if (!row || Number(row.changed_at) !== version) return false;
		await confirmRow(tx, row, pair.role, now);
		return true;
	});
}

async function confirmRow(tx: DbOrTx, row: PairAgreementRow, role: PairRole, now: number) {
	const other = role === 'mentor' ? row.protege_confirmed_at : row.mentor_confirmed_at;
	if (confirmedBy(row, role)) return;
	await tx
		.updateTable('pair_agreements')
		.set({ [confirmColumn(role)]: now, agreed_at: other === null ? null : now })
		.where('id', '=', row.id)
		.where('changed_at', '=', row.changed_at)
		.execute();
}
