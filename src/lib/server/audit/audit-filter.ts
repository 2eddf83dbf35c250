import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { isIsoDate } from '$lib/time/days';
import type { AuditFilter } from './audit-query';

const optionalCode = z
	.string()
	.trim()
	.max(100)
	.nullable()
	.catch(null)
	.transform((value) => value || null);

const optionalDay = z
	.string()
	.trim()
	.nullable()
	.transform((value) => value || null)
	.refine((value) => value === null || isIsoDate(value), { error: () => m.error_date_invalid() });

const auditQuerySchema = z
	.object({
		person: optionalCode,
		action: optionalCode,
		from: optionalDay,
		to: optionalDay,
		page: z.coerce.number().int().min(1).max(1_000_000).catch(1)
	})
	.refine((query) => !query.from || !query.to || query.from <= query.to, {
		path: ['to'],
		error: () => m.error_audit_dates_order()
	});

/** The filter fields as typed, to show them again in the form. */
export interface AuditFilterValues {
	person: string;
	action: string;
	from: string;
	to: string;
}

export type AuditQuery =
	| { ok: true; filter: AuditFilter; page: number; values: AuditFilterValues }
	| { ok: false; errors: Record<string, string>; values: AuditFilterValues };

/** Reads the viewer's and the exports' query string; a bad date is a message, never a guess. */
export function readAuditQuery(params: URLSearchParams): AuditQuery {
	const text = (name: string) => (params.get(name) ?? '').slice(0, 100);
	const values = {
		person: text('person'),
		action: text('action'),
		from: text('from'),
		to: text('to')
	};
	const parsed = auditQuerySchema.safeParse({
		person: params.get('person'),
		action: params.get('action'),
		from: params.get('from'),
		to: params.get('to'),
		page: params.get('page') ?? undefined
	});
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.error.issues)
			errors[String(issue.path[0] ?? 'form')] ??= issue.message;
		return { ok: false, errors, values };
	}
	const { person, action, from, to, page } = parsed.data;
	return { ok: true, filter: { actorId: person, action, from, to }, page, values };
}
