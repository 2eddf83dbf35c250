import type { DbOrTx } from '../db';
import { startOfDayMs } from '$lib/time/days';

export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Empty fields filter nothing. Days are whole UTC days (YYYY-MM-DD), both ends included. */
export interface AuditFilter {
	actorId: string | null;
	action: string | null;
	from: string | null;
	to: string | null;
}

export const NO_AUDIT_FILTER: AuditFilter = { actorId: null, action: null, from: null, to: null };

export interface AuditEntry {
	id: string;
	createdAt: number;
	actorId: string | null;
	actorName: string | null;
	actorEmail: string | null;
	action: string;
	targetType: string | null;
	targetId: string | null;
	detail: Record<string, unknown> | null;
	ip: string | null;
}

export interface AuditPage {
	entries: AuditEntry[];
	total: number;
	/** 1-based, moved onto the last page when asked for one past it. */
	page: number;
	pageCount: number;
}

// The audit log keeps UTC (its page says so): its filter days are UTC days.
const startOfDay = (day: string) => startOfDayMs(day, 'UTC');

function matching(db: DbOrTx, organizationId: string, filter: AuditFilter) {
	let query = db.selectFrom('audit_log').where('audit_log.organization_id', '=', organizationId);
	if (filter.actorId) query = query.where('audit_log.actor_staff_id', '=', filter.actorId);
	if (filter.action) query = query.where('audit_log.action', '=', filter.action);
	if (filter.from) query = query.where('audit_log.created_at', '>=', startOfDay(filter.from));
	if (filter.to) query = query.where('audit_log.created_at', '<', startOfDay(filter.to) + DAY_MS);
	return query;
}

function parseDetail(detail: string | null): Record<string, unknown> | null {
	if (!detail) return null;
	try {
		const parsed: unknown = JSON.parse(detail);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as Record<string, unknown>)
			: null;
	} catch {
		return null;
	}
}

function entriesQuery(db: DbOrTx, organizationId: string, filter: AuditFilter) {
	return matching(db, organizationId, filter)
		.leftJoin('staff_users', 'staff_users.id', 'audit_log.actor_staff_id')
		.select([
			'audit_log.id',
			'audit_log.created_at',
			'audit_log.actor_staff_id',
			'staff_users.name as actor_name',
			'staff_users.email as actor_email',
			'audit_log.action',
			'audit_log.target_type',
			'audit_log.target_id',
			'audit_log.detail',
			'audit_log.ip'
		])
		.orderBy('audit_log.created_at', 'desc')
		.orderBy('audit_log.id', 'desc');
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entriesQuery>['execute']>>[number];

function toEntry(row: EntryRow): AuditEntry {
	return {
		id: row.id,
		createdAt: row.created_at,
		actorId: row.actor_staff_id,
		actorName: row.actor_name,
		actorEmail: row.actor_email,
		action: row.action,
		targetType: row.target_type,
		targetId: row.target_id,
		detail: parseDetail(row.detail),
		ip: row.ip
	};
}

/** One page of the organization's audit log, newest first. */
export async function listAuditEntries(
	db: DbOrTx,
	organizationId: string,
	filter: AuditFilter,
	page: number
): Promise<AuditPage> {
	const { total } = await matching(db, organizationId, filter)
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	const pageCount = Math.max(1, Math.ceil(Number(total) / AUDIT_PAGE_SIZE));
	const shown = Math.min(Math.max(1, Math.floor(page)), pageCount);
	const rows = await entriesQuery(db, organizationId, filter)
		.limit(AUDIT_PAGE_SIZE)
		.offset((shown - 1) * AUDIT_PAGE_SIZE)
		.execute();
	return { entries: rows.map(toEntry), total: Number(total), page: shown, pageCount };
}

/** Every matching entry, newest first: what an export contains. */
export async function listAllAuditEntries(
	db: DbOrTx,
	organizationId: string,
	filter: AuditFilter
): Promise<AuditEntry[]> {
	return (await entriesQuery(db, organizationId, filter).execute()).map(toEntry);
}

/** The actions this organization's log holds, for the action filter. */
export async function listRecordedActions(db: DbOrTx, organizationId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('audit_log')
		.select('action')
		.distinct()
		.where('organization_id', '=', organizationId)
		.orderBy('action')
		.execute();
	return rows.map((row) => row.action);
}
