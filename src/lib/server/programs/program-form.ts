import { DEFAULT_RISK_THRESHOLD, DEFAULT_WATCH_THRESHOLD, type ProgramInput } from './programs';

/** A new program starts today, runs four months, and uses the default thresholds. */
export function newProgramValues(today = new Date()): ProgramInput {
	const end = new Date(today);
	end.setMonth(end.getMonth() + 4);
	const iso = (d: Date) => d.toISOString().slice(0, 10);
	return {
		name: '',
		description: '',
		startDate: iso(today),
		endDate: iso(end),
		defaultLanguage: 'en',
		status: 'active',
		watchThreshold: DEFAULT_WATCH_THRESHOLD,
		riskThreshold: DEFAULT_RISK_THRESHOLD,
		pairsSeeSummary: false,
		mentorMultipleProteges: false
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
	'riskThreshold'
] as const;
