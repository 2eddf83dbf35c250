import type { Role } from '$lib/instruments/types';

export type ProgramKind = 'tech' | 'health';

/**
 * Where a typical answer sits, item by item, as the options people most often pick (a value
 * listed twice is picked twice as often). Items left out get their middle option.
 */
export type Typical = Record<string, readonly string[]>;

const PAIR_PRE: Typical = {
	focus_job_search: ['3', '4', '4', '5'],
	focus_resume: ['3', '4', '5'],
	focus_interview: ['4', '5'],
	focus_workplace_culture: ['3', '4'],
	focus_industry: ['3', '4', '5'],
	focus_credentials: ['2', '3'],
	focus_networking: ['4', '5'],
	focus_job_leads: ['3', '4'],
	focus_confidence: ['3', '4'],
	focus_career_plan: ['2', '3', '4'],
	contact_frequency: ['2', '3', '3'],
	contact_length: ['3', '3', '4'],
	contact_hours: ['2', '3', '4', '4', '6'],
	contact_reply: ['1', '2', '2'],
	roles_start_contact: ['3', '4'],
	roles_agenda: ['3', '4'],
	roles_job_openings: ['4', '5'],
	roles_follow_up: ['3', '4'],
	roles_program_team: ['only_if_problem', 'check_in_often'],
	outcomes_job_offer: ['2', '3', '3'],
	outcomes_referral: ['2', '3'],
	outcomes_time_to_job: ['2', '3'],
	relationship_formality: ['3', '4'],
	relationship_feedback: ['3', '4'],
	relationship_personal_experience: ['4', '5'],
	relationship_life_outside_work: ['2', '3'],
	commitment_time: ['4', '5'],
	commitment_finish: ['4', '5'],
	commitment_keep_in_touch: ['3', '4', '5']
};

/** Licensing is what newcomers in regulated health jobs need most. */
const PROGRAM_PRE: Record<ProgramKind, Typical> = {
	tech: {},
	health: { focus_credentials: ['4', '5'], focus_industry: ['4', '5'] }
};

/** `mid` items that follow no `pre` item: a pair that works says so. */
export const PAIR_MID: Typical = {
	commitment_partner: ['4', '5'],
	check_in_satisfaction: ['4', '5'],
	check_in_expectations_met: ['4', '5'],
	check_in_contact_request: ['no']
};

/**
 * Each stakeholder understands the mentoring its own way (the study's root cause): employers
 * hope for a talent pipeline, the program team for steady contact and soft skills.
 */
const STAKEHOLDER_PRE: Record<'employer' | 'staff', Typical> = {
	employer: {
		focus_job_leads: ['4', '5'],
		focus_industry: ['4', '5'],
		outcomes_referral: ['4', '5'],
		outcomes_job_offer: ['3', '4'],
		contact_frequency: ['3', '4'],
		contact_hours: ['2', '3', '4'],
		roles_job_openings: ['3', '4'],
		roles_program_team: ['only_if_problem']
	},
	staff: {
		focus_job_leads: ['2', '3'],
		focus_workplace_culture: ['4', '5'],
		focus_confidence: ['4', '5'],
		outcomes_referral: ['2'],
		outcomes_job_offer: ['2', '3'],
		contact_frequency: ['2', '3'],
		contact_hours: ['4', '6'],
		roles_start_contact: ['4'],
		roles_program_team: ['check_in_often']
	}
};

const STAKEHOLDER_MID: Typical = {
	commitment_partner: ['3', '4', '4'],
	check_in_satisfaction: ['3', '4', '5'],
	check_in_expectations_met: ['3', '4'],
	check_in_contact_request: ['no', 'no', 'no', 'yes']
};

export const MEETING_MODES: readonly string[][] = [
	['video', 'messages'],
	['in_person', 'video'],
	['in_person', 'messages'],
	['video', 'phone', 'messages'],
	['in_person', 'video', 'messages']
];

export function typicalPre(program: ProgramKind, role: Role): Typical {
	const stakeholder = role === 'employer' || role === 'staff' ? STAKEHOLDER_PRE[role] : {};
	return { ...PAIR_PRE, ...PROGRAM_PRE[program], ...stakeholder };
}

export function typicalMid(role: Role): Typical {
	return role === 'employer' || role === 'staff' ? { ...PAIR_MID, ...STAKEHOLDER_MID } : PAIR_MID;
}
