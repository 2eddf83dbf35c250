import type { ItemDocument } from '$lib/instruments/types';
import type { Answers } from '$lib/survey/page-answers';
import { say, type Comment } from './comments';
import { draftOwnPre, type Side } from './draft-answers';
import type { IntakePerson, Leads, Tempo } from './intake-cast';
import type { Random } from './random';
import { roughen } from './roughen';
import { typicalPre } from './typical-answers';

/**
 * The critical items (job leads, referral, job offer) and who shares job openings. A mentor at the
 * protégé's level or one above is within one step on every critical item; any other mentor is two
 * steps or more away on one of them, which puts the pair at risk.
 */
const LEADS: Record<Side, Record<Leads, Answers>> = {
	protege: {
		referrals: job('5', '5', '4', '2'),
		leads: job('4', '3', '3', '3'),
		coaching: job('2', '1', '2', '4')
	},
	mentor: {
		referrals: job('4', '4', '3', '2'),
		leads: job('3', '2', '2', '3'),
		coaching: job('1', '1', '2', '4')
	}
};

function job(leads: string, referral: string, offer: string, openings: string): Answers {
	return {
		focus_job_leads: [leads],
		outcomes_referral: [referral],
		outcomes_job_offer: [offer],
		roles_job_openings: [openings]
	};
}

const TEMPO: Record<Tempo, Answers> = {
	weekly: { contact_frequency: ['2'], contact_length: ['3'], contact_hours: ['4'] },
	fortnightly: { contact_frequency: ['3'], contact_length: ['3'], contact_hours: ['2'] },
	monthly: { contact_frequency: ['4'], contact_length: ['2'], contact_hours: ['1'] }
};

/** What some say in "anything else", by name: the expectations the trap is made of. */
const SAYS: Record<string, Comment> = {
	'Deepak Menon': [
		'I hope my mentor can refer me for a job at their company. I would like to meet every week.',
		'J’espère que mon mentor pourra me recommander dans son entreprise. J’aimerais qu’on se voie chaque semaine.'
	],
	'Andrew Ferguson': [
		'Happy to help with résumés and interviews once a month. I cannot refer people at my company.',
		'Je peux aider pour le CV et les entrevues une fois par mois. Je ne peux recommander personne chez mon employeur.'
	],
	'Marisol Aquino': [
		'I want to meet every week so I can move fast, and I hope to hear of openings at the hospital.',
		'Je veux qu’on se voie chaque semaine pour avancer vite, et j’espère entendre parler des postes à l’hôpital.'
	],
	'Diane Boucher': [
		'I can help prepare for the licensing exam. I do not make referrals.',
		'Je peux aider à préparer l’examen de l’Ordre. Je ne fais pas de recommandations.'
	],
	'Hana Tesfaye': [
		'I already have interviews. I want to understand how Canadian teams work, not job leads.',
		'J’ai déjà des entrevues. Je veux comprendre comment travaillent les équipes au Canada, pas des pistes d’emploi.'
	],
	'Priyanka Desai': [
		'My team is hiring. I can refer a mentee whose work I know.',
		'Mon équipe embauche. Je peux recommander une personne dont je connais le travail.'
	]
};

/**
 * One unpaired person's `pre` answers: their own typical view of everything (no partner to stay
 * close to), with what they expect of job leads and meetings exactly as the cast says.
 */
export function intakePreAnswers(
	person: IntakePerson,
	items: ItemDocument[],
	random: Random
): Answers {
	const pre = person.pre;
	if (!pre) throw new Error(`${person.name} has not answered pre.`);
	const kind = person.field === 'Healthcare' ? 'health' : 'tech';
	const drafted = draftOwnPre(items, typicalPre(kind, person.role), random);
	const says = SAYS[person.name];
	// Whatever language they read the survey in, they type their comments in English or French.
	const writes = person.language === 'fr' ? 'fr' : 'en';
	const designed: Answers = {
		...LEADS[person.role][pre.leads],
		...TEMPO[pre.tempo],
		...(says ? { check_in_anything_else: [say(writes, says)] } : {})
	};
	const who = { role: person.role, language: writes } as const;
	return roughen(items, { ...drafted, ...designed }, designed, who, random);
}
