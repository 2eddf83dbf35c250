/** What helped most, as both sides of a pair that ended can answer it. */
export const HELPED_MOST = [
	'job_leads',
	'applications',
	'workplace',
	'network',
	'confidence',
	'language',
	'nothing',
	'other'
] as const;

export type HelpedMost = (typeof HELPED_MOST)[number];
