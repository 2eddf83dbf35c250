import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { languageCode } from '$lib/text/language-codes';
import { CHOSEN_CLOSURE_REASONS } from '$lib/pairs/closure';
import { MAX_FOLLOW_UP_MONTHS } from '$lib/outcomes/follow-ups';
import { DEFAULT_CHECK_IN_PLAN } from '$lib/pulse/schedule';
import { isIsoDate } from '$lib/time/days';
import { emailField, requiredText } from './fields';
import {
	MAX_CAPACITY,
	capacityField,
	languagesField,
	matchRuleField,
	personFieldField,
	programFieldsField,
	readCapacity
} from './matching-fields';

const dateField = z
	.string({ error: () => m.error_date_invalid() })
	.trim()
	.refine(isIsoDate, { error: () => m.error_date_invalid() });

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.error_too_long({ max }) })
		.optional()
		.transform((value) => value || null);

const threshold = z.coerce
	.number({ error: () => m.error_threshold() })
	.min(0, { error: () => m.error_threshold() })
	.max(1, { error: () => m.error_threshold() });

const checkbox = z
	.string()
	.optional()
	.transform((value) => value === 'on');

/**
 * Months after the program's end for follow-up surveys, typed as "3, 6, 12": whole numbers from 1
 * to 36, at most six; empty for none. Absent (a form without the field) leaves them as they are.
 */
const followUpMonthsField = z
	.string()
	.max(100)
	.optional()
	.transform((typed, ctx) => {
		if (typed === undefined) return undefined;
		const parts = typed.split(/[\s,;]+/).filter(Boolean);
		const months = parts.map(Number);
		if (
			parts.length > 6 ||
			months.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_FOLLOW_UP_MONTHS)
		) {
			ctx.addIssue({ code: 'custom', message: m.error_followup_months() });
			return z.NEVER;
		}
		return [...new Set(months)].sort((a, b) => a - b);
	});

const days = (min: number, max: number) =>
	z.coerce
		.number({ error: () => m.error_checkin_days({ min, max }) })
		.int({ error: () => m.error_checkin_days({ min, max }) })
		.min(min, { error: () => m.error_checkin_days({ min, max }) })
		.max(max, { error: () => m.error_checkin_days({ min, max }) });

export const programSchema = z
	.object({
		name: requiredText(() => m.error_program_name_required()),
		description: z
			.string()
			.trim()
			.max(2000, { error: () => m.error_too_long({ max: 2000 }) })
			.default(''),
		startDate: dateField,
		endDate: dateField,
		defaultLanguage: z.enum(['en', 'fr'], { error: () => m.error_language_invalid() }),
		status: z.enum(['draft', 'active', 'closed'], { error: () => m.error_status_invalid() }),
		watchThreshold: threshold,
		riskThreshold: threshold,
		pairsSeeSummary: checkbox,
		mentorMultipleProteges: checkbox,
		fields: programFieldsField,
		fieldRule: matchRuleField,
		languageRule: matchRuleField,
		// The form always sends one empty value, so a list with nothing ticked still says so.
		'languages[]': z
			.array(z.string().trim().max(35))
			.max(100)
			.optional()
			.transform((codes) =>
				codes?.filter((code) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(code))
			),
		bilingualQuestions: checkbox,
		checkInsOn: checkbox,
		checkInFirstDays: days(1, 120).default(DEFAULT_CHECK_IN_PLAN.firstDays),
		checkInEveryDays: days(7, 120).default(DEFAULT_CHECK_IN_PLAN.everyDays),
		followUpMonths: followUpMonthsField
	})
	.refine((p) => p.endDate >= p.startDate, {
		path: ['endDate'],
		error: () => m.error_end_before_start()
	})
	.refine((p) => p.riskThreshold <= p.watchThreshold, {
		path: ['riskThreshold'],
		error: () => m.error_thresholds_order()
	})
	.refine((p) => !p.fields || p.fields.length > 0 || !p.fieldRule || p.fieldRule === 'off', {
		path: ['fieldRule'],
		error: () => m.error_field_rule_without_fields(),
		when: ({ issues }) =>
			!issues.some((i) => i.path?.[0] === 'fields' || i.path?.[0] === 'fieldRule')
	})
	.transform(({ 'languages[]': offered, checkInsOn, checkInFirstDays, ...program }) => ({
		...program,
		// The program's own language is always offered.
		offeredLanguages: offered && [...new Set([program.defaultLanguage, ...offered])],
		checkInFirstDays: checkInsOn ? checkInFirstDays : null
	}));

export const participantSchema = z
	.object({
		role: z.enum(['mentor', 'protege', 'employer'], { error: () => m.error_participant_role() }),
		name: requiredText(() => m.error_name_required()),
		email: emailField,
		phone: optionalText(40),
		// Any language Tandem can name; whether the program offers it is checked with the program.
		language: z
			.string({ error: () => m.error_language_invalid() })
			.trim()
			.max(35, { error: () => m.error_language_invalid() })
			.refine((code) => languageCode(code) !== null, { error: () => m.error_language_invalid() }),
		occupation: optionalText(200),
		employerId: z
			.string()
			.max(64)
			.optional()
			.transform((value) => value || null),
		consentDate: z
			.string()
			.trim()
			.optional()
			.transform((value) => value || null)
			.refine((value) => value === null || isIsoDate(value), {
				error: () => m.error_date_invalid()
			}),
		notes: z
			.string()
			.trim()
			.max(2000, { error: () => m.error_too_long({ max: 2000 }) })
			.default(''),
		capacity: capacityField,
		field: personFieldField,
		languages: languagesField
	})
	.refine(
		(p) =>
			p.role !== 'mentor' || p.capacity === undefined || readCapacity(p.capacity) !== undefined,
		{
			path: ['capacity'],
			error: () => m.error_capacity({ max: MAX_CAPACITY }),
			// Said beside the other mistakes, not after they are fixed.
			when: ({ issues }) =>
				!issues.some((i) => i.path?.[0] === 'role' || i.path?.[0] === 'capacity')
		}
	)
	.transform(({ capacity, ...person }) => ({
		...person,
		capacity:
			person.role !== 'mentor' ? null : capacity === undefined ? undefined : readCapacity(capacity)
	}));

export const withdrawSchema = z.object({
	reason: requiredText(() => m.error_reason_required(), 500)
});

/** A new mentor for the protégé of a pair that ended early. */
export const rematchSchema = z.object({
	mentorId: z
		.string({ error: () => m.error_choose_mentor() })
		.min(1, { error: () => m.error_choose_mentor() })
		.max(64)
});

export const pairSchema = z.object({
	mentorId: z
		.string({ error: () => m.error_choose_mentor() })
		.min(1, { error: () => m.error_choose_mentor() })
		.max(64),
	protegeId: z
		.string({ error: () => m.error_choose_protege() })
		.min(1, { error: () => m.error_choose_protege() })
		.max(64),
	employerId: z
		.string()
		.max(64)
		.optional()
		.transform((value) => value || null),
	coordinatorId: z
		.string()
		.max(64)
		.optional()
		.transform((value) => value || null),
	/** Set once the coordinator has seen the prediction of a pair suggestions would not make. */
	confirmed: z
		.string()
		.max(8)
		.optional()
		.transform((value) => value === 'yes')
});

export const pairStatusSchema = z
	.object({
		status: z.enum(['active', 'paused', 'ended_early', 'completed'], {
			error: () => m.error_status_invalid()
		}),
		reason: requiredText(() => m.error_reason_required(), 500),
		// Asked beside every change; read only when the pair ends.
		closureReason: z
			.enum(CHOSEN_CLOSURE_REASONS, { error: () => m.error_closure_reason() })
			.optional()
	})
	.refine((c) => c.closureReason || (c.status !== 'ended_early' && c.status !== 'completed'), {
		path: ['closureReason'],
		error: () => m.error_closure_reason()
	})
	.transform(({ closureReason, ...change }) => ({
		...change,
		closureReason:
			change.status === 'ended_early' || change.status === 'completed' ? closureReason : null
	}));

export const employerSchema = z.object({
	name: requiredText(() => m.error_employer_name_required())
});

export const employerIdSchema = z.object({ employerId: z.string().min(1).max(64) });

export const participantFilterSchema = z.object({
	role: z.enum(['mentor', 'protege', 'employer']).nullable().catch(null),
	status: z.enum(['active', 'withdrawn']).nullable().catch(null),
	q: z.string().max(200).nullable().catch(null)
});

export const roundSchema = z
	.object({
		versionId: z
			.string({ error: () => m.error_version_unusable() })
			.min(1, { error: () => m.error_version_unusable() })
			.max(64),
		wave: z.enum(['pre', 'mid', 'post'], { error: () => m.error_status_invalid() }),
		opensOn: dateField,
		closesOn: dateField,
		// Absent: the default schedule; empty: no reminders.
		reminderDays: z
			.string()
			.max(100)
			.optional()
			.transform((text) =>
				text === undefined
					? undefined
					: text.trim() === ''
						? []
						: text
								.trim()
								.split(/[\s,;]+/)
								.map(Number)
			)
			.refine(
				(days) =>
					!days ||
					(days.length <= 10 &&
						days.every((d) => Number.isInteger(d) && d !== 0 && Math.abs(d) <= 365)),
				{
					error: () => m.error_reminder_days()
				}
			)
	})
	.refine((r) => r.closesOn >= r.opensOn, {
		path: ['closesOn'],
		error: () => m.error_closes_before_opens()
	});
