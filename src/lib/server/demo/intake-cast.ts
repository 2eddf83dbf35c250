export const INTAKE_FIELDS = [
	'Software and IT',
	'Engineering',
	'Healthcare',
	'Skilled trades',
	'Finance'
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

/** The intake offers its surveys in the languages its newcomers read best. */
export const INTAKE_LANGUAGES = ['en', 'fr', 'ar', 'fa', 'es', 'uk'] as const;
export type IntakeLanguage = (typeof INTAKE_LANGUAGES)[number];

/**
 * How much job leads and referrals weigh: what a protégé expects, or what a mentor plans to give.
 * A mentor who gives what is asked, or one step more, suits; less, or two steps more, does not.
 */
export type Leads = 'referrals' | 'leads' | 'coaching';
export type Tempo = 'weekly' | 'fortnightly' | 'monthly';

export interface IntakePerson {
	role: 'mentor' | 'protege';
	name: string;
	/** The survey language: English or French, or one the intake offers newcomers. */
	language: IntakeLanguage;
	/** Other languages, as stored: lowercase codes joined by commas. */
	otherLanguages: string;
	field: IntakeField;
	occupation: string;
	/** Protégés a mentor takes at most; null is one. */
	capacity: number | null;
	/** What their `pre` answers say; null for someone who has not answered yet. */
	pre: { leads: Leads; tempo: Tempo } | null;
}

type Row = [
	role: IntakePerson['role'],
	name: string,
	language: IntakeLanguage,
	otherLanguages: string,
	field: IntakeField,
	occupation: string,
	pre: [Leads, Tempo] | null
];

const [IT, ENG, HEALTH, TRADES, FINANCE] = INTAKE_FIELDS;

/**
 * Everyone in the intake, in the order they signed up. Pairing each protégé, first come, with the
 * first mentor of their field who has room puts three protégés with a mentor who offers less, or
 * much more, than they expect (Deepak and Andrew, Marisol and Diane, Hana and Priyanka) and Jamal
 * with a mentor who has not answered; other pairs, within the same fields but one, avoid all that.
 */
const ROWS: Row[] = [
	// role, name, survey language, other languages, field, occupation, [job leads, meetings] in pre
	['protege', 'Deepak Menon', 'en', 'ml,hi', IT, 'Software developer', ['referrals', 'weekly']],
	['mentor', 'Andrew Ferguson', 'en', '', IT, 'Senior software developer', ['coaching', 'monthly']],
	['protege', 'Marisol Aquino', 'en', 'tl', HEALTH, 'Nurse', ['referrals', 'weekly']],
	['mentor', 'Diane Boucher', 'fr', '', HEALTH, 'Nurse manager', ['coaching', 'monthly']],
	['protege', 'Farid Haidari', 'fa', 'en,ps', ENG, 'Civil engineer', ['leads', 'fortnightly']],
	['mentor', 'Luc Fortin', 'fr', '', ENG, 'Electrical engineer', ['leads', 'fortnightly']],
	['protege', 'Hana Tesfaye', 'en', 'am', IT, 'UX designer', ['coaching', 'fortnightly']],
	['mentor', 'Priyanka Desai', 'en', 'gu,hi', IT, 'IT manager', ['referrals', 'fortnightly']],
	['protege', 'Oleksandr Hnatiuk', 'uk', 'en,ru', TRADES, 'Welder', ['leads', 'fortnightly']],
	['mentor', 'Paul Bergeron', 'en', 'fr', TRADES, 'Red Seal welder', ['leads', 'fortnightly']],
	['protege', 'Bassam Darwish', 'ar', 'en', HEALTH, 'Pharmacist', ['coaching', 'monthly']],
	['mentor', 'Amir Hosseini', 'en', 'fa', HEALTH, 'Hospital pharmacist', ['leads', 'fortnightly']],
	['protege', 'Sunita Rao', 'en', 'te,hi', FINANCE, 'Accountant', ['leads', 'fortnightly']],
	['mentor', 'Catherine Lam', 'en', 'yue', FINANCE, 'Auditor, CPA', ['referrals', 'fortnightly']],
	['protege', 'Ngozi Eze', 'en', 'ig', ENG, 'Mechanical engineer', ['referrals', 'weekly']],
	['mentor', 'Rebecca Hughes', 'en', '', ENG, 'Project engineer', ['referrals', 'fortnightly']],
	['protege', 'Tomás Herrera', 'es', 'en', IT, 'Data analyst', ['leads', 'fortnightly']],
	['protege', 'Aïcha Koné', 'fr', 'bm', HEALTH, 'Lab technologist', ['leads', 'fortnightly']],
	['mentor', 'Josée Lachance', 'fr', '', HEALTH, 'Clinical educator', ['referrals', 'weekly']],
	['protege', 'Jamal Idrissi', 'fr', 'ar', TRADES, 'Electrician', ['coaching', 'fortnightly']],
	['protege', 'Mariam Haider', 'en', 'ur', FINANCE, 'Financial analyst', ['coaching', 'monthly']],
	['mentor', 'Olivier Dubé', 'fr', '', FINANCE, 'Financial planner', ['leads', 'monthly']],
	['protege', 'Fabiola Dorsainvil', 'fr', 'ht', HEALTH, 'Personal support worker', null],
	['mentor', 'Manuel Ortiz', 'en', 'es', TRADES, 'Master electrician', null],
	['protege', 'Yves Mukendi', 'fr', 'ln', IT, 'Network administrator', null]
];

/** Mentors who take two protégés; the others take one. */
const TAKE_TWO = new Set(['Priyanka Desai', 'Rebecca Hughes']);

export const INTAKE_CAST: IntakePerson[] = ROWS.map(
	([role, name, language, otherLanguages, field, occupation, pre]) => ({
		role,
		name,
		language,
		otherLanguages,
		field,
		occupation,
		capacity: TAKE_TWO.has(name) ? 2 : null,
		pre: pre && { leads: pre[0], tempo: pre[1] }
	})
);
