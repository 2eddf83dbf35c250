import type { ConstructDocument, ItemDocument } from '../../../instruments/types';
import { coverageScale, importanceScale, scaleItem } from './options';

/** One mentoring topic: a name shown before the question, and a shorter label for reports. */
interface Topic {
	slug: string;
	label: [string, string];
	en: string;
	fr: string;
	critical?: boolean;
	hint?: [string, string];
}

const topics: Topic[] = [
	{
		slug: 'job_search',
		label: ['Job search plan', 'Plan de recherche d’emploi'],
		en: 'Making a plan for the job search',
		fr: 'Faire un plan de recherche d’emploi'
	},
	{
		slug: 'resume',
		label: ['Résumé and cover letter', 'CV et lettre de présentation'],
		en: 'Résumé and cover letter',
		fr: 'Le CV et la lettre de présentation'
	},
	{
		slug: 'interview',
		label: ['Interview practice', 'Pratique des entrevues'],
		en: 'Practice for job interviews',
		fr: 'S’exercer pour les entrevues d’emploi'
	},
	{
		slug: 'workplace_culture',
		label: ['Workplace culture in Canada', 'Culture de travail canadienne'],
		en: 'How people work and talk at work in Canada',
		fr: 'La culture et la communication au travail au Canada'
	},
	{
		slug: 'industry',
		label: ['Insight into the field', 'Connaissance du domaine'],
		en: 'What it is like to work in the field',
		fr: 'Comment ça se passe dans le métier et le secteur'
	},
	{
		slug: 'credentials',
		label: ['Credentials and licensing', 'Diplômes et permis d’exercice'],
		en: 'Getting degrees and licences recognized in Canada',
		fr: 'Faire reconnaître ses diplômes et obtenir un permis d’exercice au Canada',
		hint: [
			'For example, having a degree checked, or getting a licence to work in a regulated job.',
			'Par exemple, faire évaluer un diplôme ou obtenir le permis d’un ordre professionnel.'
		]
	},
	{
		slug: 'networking',
		label: ['Networking and introductions', 'Réseautage et mises en contact'],
		en: 'Meeting people in the field (networking)',
		fr: 'Rencontrer des gens du domaine (réseautage)'
	},
	{
		slug: 'job_leads',
		label: ['Job leads and referrals', 'Pistes d’emploi et recommandations'],
		en: 'Job leads and referrals',
		fr: 'Des pistes d’emploi et des recommandations',
		critical: true,
		hint: [
			'A referral is when someone tells an employer about a person for a job.',
			'Une recommandation, c’est quand quelqu’un propose une personne à un employeur pour un emploi.'
		]
	},
	{
		slug: 'confidence',
		label: ['Confidence and encouragement', 'Confiance et encouragement'],
		en: 'Confidence and encouragement',
		fr: 'La confiance en soi et l’encouragement'
	},
	{
		slug: 'career_plan',
		label: ['Long-term career plans', 'Carrière à long terme'],
		en: 'Career plans for the long term',
		fr: 'Les projets de carrière à long terme'
	}
];

/** Pre: how important is this topic? */
function importance(topic: Topic): ItemDocument {
	const { en, fr } = topic;
	return scaleItem({
		key: `focus_${topic.slug}`,
		label: topic.label,
		wave: 'pre',
		critical: topic.critical,
		hint: topic.hint,
		options: importanceScale(),
		direction: 'ascending',
		wording: {
			mentor: [
				`${en}. How important is it to you to work on this with your mentee?`,
				`${fr}. Quelle importance accordez-vous à ce sujet avec votre mentoré·e?`
			],
			protege: [
				`${en}. How important is it to you to work on this with your mentor?`,
				`${fr}. Quelle importance accordez-vous à ce sujet avec votre mentor?`
			],
			employer: [
				`${en}. How important is it to you that the mentors you support work on this?`,
				`${fr}. Quelle importance accordez-vous à ce sujet pour les mentors que vous soutenez?`
			],
			staff: [
				`${en}. How important is it that pairs in this program work on this?`,
				`${fr}. Quelle importance ce sujet doit-il avoir pour les duos de ce programme?`
			]
		}
	});
}

/** Mid: how much has this topic actually been covered? */
function coverage(topic: Topic): ItemDocument {
	const { en, fr } = topic;
	return scaleItem({
		key: `focus_${topic.slug}_covered`,
		label: [`${topic.label[0]} — covered`, `${topic.label[1]} — sujet abordé`],
		wave: 'mid',
		follows: `focus_${topic.slug}`,
		hint: topic.hint,
		options: coverageScale(),
		direction: 'ascending',
		wording: {
			mentor: [
				`${en}. How much have you and your mentee worked on this so far?`,
				`${fr}. Jusqu’à maintenant, combien avez-vous travaillé sur ce sujet avec votre mentoré·e?`
			],
			protege: [
				`${en}. How much have you and your mentor worked on this so far?`,
				`${fr}. Jusqu’à maintenant, combien avez-vous travaillé sur ce sujet avec votre mentor?`
			],
			employer: [
				`${en}. How much have the mentors you support worked on this so far?`,
				`${fr}. Jusqu’à maintenant, combien les mentors que vous soutenez ont-ils travaillé sur ce sujet?`
			],
			staff: [
				`${en}. How much have pairs in this program worked on this so far?`,
				`${fr}. Jusqu’à maintenant, combien les duos de ce programme ont-ils travaillé sur ce sujet?`
			]
		}
	});
}

export const focus: ConstructDocument = {
	key: 'focus',
	name: { en: 'Focus of the mentoring', fr: 'Les sujets du mentorat' },
	intro: {
		en: 'Each question names a topic that mentoring can cover.',
		fr: 'Chaque question nomme un sujet que le mentorat peut aborder.'
	},
	weight: 1.5,
	items: [...topics.map(importance), ...topics.map(coverage)]
};
