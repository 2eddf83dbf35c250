import { DEFAULT_FOLLOW_UP_MONTHS } from '$lib/outcomes/follow-ups';
import { DEFAULT_CHECK_IN_PLAN } from '$lib/pulse/schedule';
import { addMonths } from '$lib/time/days';
import { DEFAULT_RISK_THRESHOLD, DEFAULT_WATCH_THRESHOLD, type ProgramInput } from './programs';

/** A new program starts `today` (the organization's), runs four months, and uses the default thresholds. */
export function newProgramValues(today: string): ProgramInput {
	return {
		name: '',
		description: '',
		startDate: today,
		endDate: addMonths(today, 4),
		defaultLanguage: 'en',
		status: 'active',
		watchThreshold: DEFAULT_WATCH_THRESHOLD,
		riskThreshold: DEFAULT_RISK_THRESHOLD,
		pairsSeeSummary: false,
		mentorMultipleProteges: false,
		fields: [],
		fieldRule: 'off',
		languageRule: 'off',
		offeredLanguages: ['en', 'fr'],
		bilingualQuestions: false,
		checkInFirstDays: DEFAULT_CHECK_IN_PLAN.firstDays,
		checkInEveryDays: DEFAULT_CHECK_IN_PLAN.everyDays,
		followUpMonths: [...DEFAULT_FOLLOW_UP_MONTHS]
	};
}

/** Settings as the program form shows them: the fields one per line, offered languages by commas. */
export function programFormValues(input: ProgramInput): Record<string, string | number | boolean> {
	const { fields = [], fieldRule = 'off', languageRule = 'off', offeredLanguages, ...rest } = input;
	const { checkInFirstDays, checkInEveryDays, followUpMonths, ...settings } = rest;
	const offered = (offeredLanguages ?? ['en', 'fr']).join(',');
	return {
		...settings,
		fields: fields.join('\n'),
		fieldRule,
		languageRule,
		offeredLanguages: offered,
		checkInsOn: checkInFirstDays !== null,
		checkInFirstDays: checkInFirstDays ?? DEFAULT_CHECK_IN_PLAN.firstDays,
		checkInEveryDays: checkInEveryDays ?? DEFAULT_CHECK_IN_PLAN.everyDays,
		followUpMonths: (followUpMonths ?? DEFAULT_FOLLOW_UP_MONTHS).join(', ')
	};
}

export const PROGRAM_FIELDS = [
	'name',
	'description',
	'startDate',
	'endDate',
	'defaultLanguage',
	'status',
	'watchThreshold',
	'riskThreshold',
	'fields',
	'fieldRule',
	'languageRule',
	'checkInFirstDays',
	'checkInEveryDays',
	'followUpMonths'
] as const;
