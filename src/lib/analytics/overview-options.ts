import type { Role } from '$lib/instruments/types';

/** Which pairs the program overview lists. */
export const STATUS_FILTERS = ['all', 'attention', 'at_risk', 'watch', 'waiting', 'ok'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The groups compared in the overview's charts, in the order of their columns and colours. */
export const CHART_ROLES: Role[] = ['mentor', 'protege', 'employer', 'staff'];

/** The comparisons on a pair page: the pair with each other, then each of them with the program. */
export const COMPARISONS = [
	'partners',
	'mentorStaff',
	'protegeStaff',
	'mentorEmployer',
	'protegeEmployer'
] as const;
export type Comparison = (typeof COMPARISONS)[number];
