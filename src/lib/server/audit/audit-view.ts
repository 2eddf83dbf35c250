import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { DbOrTx } from '../db';
import { actionLabel } from './action-labels';
import { describeDetail, type AuditFact } from './audit-details';
import {
	AUDIT_PAGE_SIZE,
	listAuditEntries,
	type AuditEntry,
	type AuditFilter
} from './audit-query';
import { describeTargets, targetWords } from './audit-targets';
import { dateTimeFormat, regionalLocale } from '$lib/intl';

/** One audit entry as people read it; nothing here is a secret. */
export interface AuditRow {
	id: string;
	/** ISO time in UTC, for machines and spreadsheets. */
	at: string;
	/** Date and time in the reader's language, in UTC like the day filters. */
	when: string;
	who: string;
	whoEmail: string | null;
	action: string;
	actionLabel: string;
	target: string | null;
	facts: AuditFact[];
	ip: string | null;
}

export function formatUtcTime(epochMs: number, locale: Locale): string {
	return dateTimeFormat(regionalLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'UTC'
	}).format(new Date(epochMs));
}

/** Entries with their person, action, target and facts in words. */
export async function describeEntries(
	db: DbOrTx,
	organizationId: string,
	entries: AuditEntry[],
	locale: Locale
): Promise<AuditRow[]> {
	const targets = await describeTargets(db, organizationId, entries, locale);
	return entries.map((entry) => ({
		id: entry.id,
		at: new Date(entry.createdAt).toISOString(),
		when: formatUtcTime(entry.createdAt, locale),
		who: entry.actorName ?? m.audit_not_signed_in(),
		whoEmail: entry.actorEmail,
		action: entry.action,
		actionLabel: actionLabel(entry.action, locale),
		target: targetWords(targets, entry),
		facts: describeDetail(entry.action, entry.detail),
		ip: entry.ip
	}));
}

export interface AuditListing {
	rows: AuditRow[];
	total: number;
	page: number;
	pageCount: number;
	/** Position of the page's first row among all matching entries, counting from 1. */
	first: number;
}

/** One page of matching entries, ready to show. */
export async function auditListing(
	db: DbOrTx,
	organizationId: string,
	filter: AuditFilter,
	page: number,
	locale: Locale
): Promise<AuditListing> {
	const found = await listAuditEntries(db, organizationId, filter, page);
	return {
		rows: await describeEntries(db, organizationId, found.entries, locale),
		total: found.total,
		page: found.page,
		pageCount: found.pageCount,
		first: (found.page - 1) * AUDIT_PAGE_SIZE + 1
	};
}
