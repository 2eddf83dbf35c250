import type { Answers } from '$lib/survey/page-answers';
import { say, type Comment } from './comments';
import type { Side, SideAnswers } from './draft-answers';
import type { Language } from './people';
import type { ProgramKind } from './typical-answers';

/**
 * What happens to a pair, told through its answers. Each story sets only the answers it is about
 * (option values of the default instrument); everything else is a typical pair's answer.
 */
export const STORY_NAMES = [
	'well_aligned',
	'referral_gap',
	'frequency_mismatch',
	'fading_commitment',
	'silent',
	'contact_request'
] as const;
export type StoryName = (typeof STORY_NAMES)[number];

export interface StoryPlan {
	pre: SideAnswers;
	mid: SideAnswers;
	/** Who has sent each survey; the others have not opened it. */
	sends: Record<'pre' | 'mid', Record<Side, boolean>>;
}

export interface Cast {
	/** Which telling of the story: the nth pair with it. */
	variant: number;
	language: Record<Side, Language>;
}

/** How many pairs live each story, per program. */
export const PROGRAM_STORIES: Record<ProgramKind, Partial<Record<StoryName, number>>> = {
	tech: {
		well_aligned: 14,
		referral_gap: 5,
		frequency_mismatch: 4,
		fading_commitment: 4,
		silent: 3,
		contact_request: 2
	},
	health: { well_aligned: 10, referral_gap: 3, silent: 1 }
};

const PRE_TEXT = 'check_in_anything_else';
const MID_TEXT = 'check_in_anything_else_mid';
const everyone = { mentor: true, protege: true };
const other = (side: Side): Side => (side === 'mentor' ? 'protege' : 'mentor');

/** One side's answers and the other side's, placed by role. */
function bySide(side: Side, own: Answers, others: Answers): SideAnswers {
	return side === 'mentor' ? { mentor: own, protege: others } : { mentor: others, protege: own };
}

function plan(answers: Partial<Omit<StoryPlan, 'sends'>> = {}, sends = {}): StoryPlan {
	return {
		pre: answers.pre ?? { mentor: {}, protege: {} },
		mid: answers.mid ?? { mentor: {}, protege: {} },
		sends: { pre: everyone, mid: everyone, ...sends }
	};
}

const text = (cast: Cast, side: Side, comment: Comment) => [say(cast.language[side], comment)];

/** The protégé counts on job leads and a referral; the mentor offers neither. */
function referralGap(cast: Cast): StoryPlan {
	return plan({
		pre: {
			protege: {
				focus_job_leads: ['5'],
				outcomes_referral: [cast.variant % 2 === 0 ? '5' : '4'],
				outcomes_job_offer: ['4'],
				roles_job_openings: ['2'],
				[PRE_TEXT]: text(cast, 'protege', [
					'I hope my mentor can refer me for a job at their company.',
					'J’espère que mon mentor pourra me recommander pour un poste dans son entreprise.'
				])
			},
			mentor: {
				focus_job_leads: ['1'],
				outcomes_referral: ['1'],
				outcomes_job_offer: ['3'],
				roles_job_openings: ['4'],
				[PRE_TEXT]: text(cast, 'mentor', [
					'Happy to help with résumés and interviews. I cannot refer people at my company.',
					'Je peux aider pour le CV et les entrevues, mais je ne peux recommander personne chez mon employeur.'
				])
			}
		},
		mid: {
			protege: {
				focus_job_leads_covered: ['1'],
				outcomes_referral_actual: ['2'],
				check_in_expectations_met: ['2'],
				check_in_satisfaction: ['3'],
				[MID_TEXT]: text(cast, 'protege', [
					'We practise interviews, but we never talk about jobs at my mentor’s company.',
					'On pratique les entrevues, mais on ne parle jamais des postes chez l’employeur de mon mentor.'
				])
			},
			mentor: { focus_job_leads_covered: ['1'], outcomes_referral_actual: ['1'] }
		}
	});
}

/** Weekly, long meetings expected on one side; monthly, short ones on the other, and monthly it is. */
function frequencyMismatch(cast: Cast): StoryPlan {
	return plan({
		pre: {
			protege: {
				contact_frequency: [cast.variant % 2 === 0 ? '2' : '1'],
				contact_length: ['4'],
				contact_hours: ['8'],
				contact_reply: ['1'],
				[PRE_TEXT]: text(cast, 'protege', [
					'I want to meet every week so I can move fast.',
					'Je veux qu’on se voie chaque semaine pour avancer vite.'
				])
			},
			mentor: {
				contact_frequency: ['4'],
				contact_length: ['2'],
				contact_hours: ['2'],
				contact_reply: ['3']
			}
		},
		mid: {
			protege: {
				contact_frequency_actual: ['4'],
				contact_length_actual: ['2'],
				contact_hours_actual: ['2.5'],
				contact_reply_actual: ['2'],
				check_in_expectations_met: ['3'],
				check_in_satisfaction: ['3'],
				[MID_TEXT]: text(cast, 'protege', [
					'We meet once a month for 30 minutes. I would like more time.',
					'On se voit une fois par mois pendant 30 minutes. J’aimerais plus de temps.'
				])
			},
			mentor: {
				contact_frequency_actual: ['4'],
				contact_length_actual: ['2'],
				contact_hours_actual: ['2'],
				contact_reply_actual: ['2']
			}
		}
	});
}

const FADING_TEXTS: Record<Side, { fades: Comment; sees: Comment }> = {
	mentor: {
		fades: ['Work has been very busy this month.', 'Le travail est très prenant ce mois-ci.'],
		sees: [
			'My mentor cancelled our last two meetings.',
			'Mon mentor a annulé nos deux dernières rencontres.'
		]
	},
	protege: {
		fades: [
			'I started a part-time job and have less time now.',
			'J’ai commencé un emploi à temps partiel et j’ai moins de temps.'
		],
		sees: [
			'My mentee missed our last two meetings and does not answer my emails.',
			'Les deux dernières rencontres n’ont pas eu lieu : pas de nouvelles, pas de réponse à mes courriels.'
		]
	}
};

/** Both start keen; by the check-in one has drifted away and the other says so. */
function fadingCommitment(cast: Cast): StoryPlan {
	const fader: Side = cast.variant % 2 === 0 ? 'mentor' : 'protege';
	const rater = other(fader);
	const pre: Answers = { contact_frequency: ['3'], contact_hours: ['4'] };
	return plan({
		pre: { mentor: pre, protege: pre },
		mid: bySide(
			rater,
			{
				commitment_partner: [cast.variant < 2 ? '2' : '1'],
				check_in_expectations_met: ['2'],
				check_in_satisfaction: ['2'],
				contact_frequency_actual: ['5'],
				contact_hours_actual: ['1'],
				[MID_TEXT]: text(cast, rater, FADING_TEXTS[fader].sees)
			},
			{
				commitment_partner: ['4'],
				commitment_time_actual: ['2'],
				commitment_finish_actual: ['3'],
				check_in_expectations_met: ['3'],
				check_in_satisfaction: ['3'],
				contact_frequency_actual: ['4'],
				contact_hours_actual: ['1.5'],
				[MID_TEXT]: text(cast, fader, FADING_TEXTS[fader].fades)
			}
		)
	});
}

/** Nobody has sent the check-in; in most tellings one of them never answered at all. */
function silent(cast: Cast): StoryPlan {
	const nobody = { mentor: false, protege: false };
	const preSends = [{ mentor: true, protege: false }, { mentor: false, protege: true }, everyone][
		cast.variant % 3
	]!;
	return plan({}, { pre: preSends, mid: nobody });
}

const REQUESTS: Record<Side, Comment> = {
	protege: [
		'I have a job interview next week. Can someone help me get ready?',
		'J’ai une entrevue d’emploi la semaine prochaine. Quelqu’un peut m’aider à me préparer?'
	],
	mentor: [
		'I am moving to another city next month. Can we talk about meeting by video?',
		'Je déménage dans une autre ville le mois prochain. Peut-on parler de rencontres par vidéo?'
	]
};

/** All is well, but one of them asks the program team to call. */
function contactRequest(cast: Cast): StoryPlan {
	const asker: Side = cast.variant % 2 === 0 ? 'protege' : 'mentor';
	return plan({
		mid: bySide(
			asker,
			{
				check_in_contact_request: ['yes'],
				[MID_TEXT]: text(cast, asker, REQUESTS[asker])
			},
			{}
		)
	});
}

export const STORIES: Record<StoryName, (cast: Cast) => StoryPlan> = {
	well_aligned: () => plan(),
	referral_gap: referralGap,
	frequency_mismatch: frequencyMismatch,
	fading_commitment: fadingCommitment,
	silent,
	contact_request: contactRequest
};
