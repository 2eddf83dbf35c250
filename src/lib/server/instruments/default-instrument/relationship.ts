import type { ConstructDocument } from '../../../instruments/types';
import { coverageScale, directnessScale, formalityScale, scaleItem } from './options';

const formalHint: [string, string] = [
	'Formal: like a business meeting. Casual: like a talk with a friend.',
	'Formel : comme une réunion d’affaires. Détendu : comme une discussion entre amis.'
];

const feedbackHint: [string, string] = [
	'Direct: says clearly what to change. Gentle: careful and soft.',
	'Directement : dire clairement quoi changer. En douceur : avec tact et prudence.'
];

const careerHint: [string, string] = [
	'For example, how the mentor found work, or what was hard at first.',
	'Par exemple, comment le mentor a trouvé du travail ou ce qui a été difficile au début.'
];

const lifeHint: [string, string] = [
	'For example, family, housing or settling in Canada.',
	'Par exemple, la famille, le logement ou l’installation au Canada.'
];

export const relationship: ConstructDocument = {
	key: 'relationship',
	name: { en: 'Relationship style', fr: 'Le style de la relation' },
	intro: {
		en: 'These questions are about how the mentor and the mentee get along and talk.',
		fr: 'Ces questions portent sur la façon dont le mentor et le ou la mentoré·e se parlent.'
	},
	weight: 1,
	items: [
		// ── pre ──
		scaleItem({
			key: 'relationship_formality',
			label: ['Formality of meetings', 'Formalité des rencontres'],
			wave: 'pre',
			options: formalityScale(),
			direction: 'descending',
			hint: formalHint,
			wording: {
				mentor: [
					'How formal or casual should your meetings with your mentee be?',
					'Vos rencontres avec votre mentoré·e devraient-elles être formelles ou détendues?'
				],
				protege: [
					'How formal or casual should your meetings with your mentor be?',
					'Vos rencontres avec votre mentor devraient-elles être formelles ou détendues?'
				],
				employer: [
					'How formal or casual should meetings be for the mentors you support?',
					'Les rencontres des mentors que vous soutenez devraient-elles être formelles ou détendues?'
				],
				staff: [
					'How formal or casual should meetings be for pairs in this program?',
					'Les rencontres des duos de ce programme devraient-elles être formelles ou détendues?'
				]
			}
		}),
		scaleItem({
			key: 'relationship_feedback',
			label: ['Directness of feedback', 'Franchise des commentaires'],
			wave: 'pre',
			options: directnessScale(),
			direction: 'ascending',
			hint: feedbackHint,
			wording: {
				mentor: [
					'When you give your mentee feedback, how direct should you be?',
					'Comment devriez-vous donner vos commentaires à votre mentoré·e : en douceur ou directement?'
				],
				protege: [
					'When your mentor gives you feedback, how direct should they be?',
					'Comment les commentaires de votre mentor devraient-ils vous être donnés : en douceur ou directement?'
				],
				employer: [
					'When the mentors you support give feedback, how direct should they be?',
					'Comment les mentors que vous soutenez devraient-ils donner leurs commentaires : en douceur ou directement?'
				],
				staff: [
					'When mentors in this program give feedback, how direct should they be?',
					'Comment les mentors de ce programme devraient-ils donner leurs commentaires : en douceur ou directement?'
				]
			}
		}),
		scaleItem({
			key: 'relationship_personal_experience',
			label: ['Mentor sharing career path', 'Parcours du mentor partagé'],
			wave: 'pre',
			options: coverageScale(),
			direction: 'ascending',
			hint: careerHint,
			wording: {
				mentor: [
					'How much should you tell your mentee about your own career path?',
					'Combien devriez-vous parler à votre mentoré·e de votre propre parcours professionnel?'
				],
				protege: [
					'How much should your mentor tell you about their own career path?',
					'Combien aimeriez-vous que votre mentor vous parle de son propre parcours professionnel?'
				],
				employer: [
					'How much should the mentors you support share about their own career path?',
					'Combien les mentors que vous soutenez devraient-ils parler de leur propre parcours professionnel?'
				],
				staff: [
					'How much should mentors in this program share about their own career path?',
					'Combien les mentors de ce programme devraient-ils parler de leur propre parcours professionnel?'
				]
			}
		}),
		scaleItem({
			key: 'relationship_life_outside_work',
			label: ['Talk about life outside work', 'Discussions sur la vie personnelle'],
			wave: 'pre',
			options: coverageScale(),
			direction: 'ascending',
			hint: lifeHint,
			wording: {
				mentor: [
					'How much should you and your mentee talk about life outside work?',
					'Combien vous et votre mentoré·e devriez-vous parler de la vie en dehors du travail?'
				],
				protege: [
					'How much should you and your mentor talk about life outside work?',
					'Combien vous et votre mentor devriez-vous parler de la vie en dehors du travail?'
				],
				employer: [
					'Think of the mentors you support and the newcomers they mentor. How much should they talk about life outside work?',
					'Combien les mentors que vous soutenez et leurs mentoré·e·s devraient-ils parler de la vie en dehors du travail?'
				],
				staff: [
					'How much should pairs in this program talk about life outside work?',
					'Combien les duos de ce programme devraient-ils parler de la vie en dehors du travail?'
				]
			}
		}),

		// ── mid ──
		scaleItem({
			key: 'relationship_formality_actual',
			label: ['Actual formality of meetings', 'Formalité réelle des rencontres'],
			wave: 'mid',
			follows: 'relationship_formality',
			options: formalityScale(),
			direction: 'descending',
			hint: formalHint,
			wording: {
				mentor: [
					'So far, how formal or casual have your meetings with your mentee been?',
					'Jusqu’à maintenant, vos rencontres avec votre mentoré·e ont-elles été formelles ou détendues?'
				],
				protege: [
					'So far, how formal or casual have your meetings with your mentor been?',
					'Jusqu’à maintenant, vos rencontres avec votre mentor ont-elles été formelles ou détendues?'
				],
				employer: [
					'So far, how formal or casual have meetings been for the mentors you support?',
					'Jusqu’à maintenant, les rencontres des mentors que vous soutenez ont-elles été formelles ou détendues?'
				],
				staff: [
					'So far, how formal or casual have meetings been for pairs in this program?',
					'Jusqu’à maintenant, les rencontres des duos de ce programme ont-elles été formelles ou détendues?'
				]
			}
		}),
		scaleItem({
			key: 'relationship_feedback_actual',
			label: ['Actual directness of feedback', 'Franchise réelle des commentaires'],
			wave: 'mid',
			follows: 'relationship_feedback',
			options: directnessScale(),
			direction: 'ascending',
			hint: feedbackHint,
			wording: {
				mentor: [
					'So far, how direct has your feedback to your mentee been?',
					'Jusqu’à maintenant, comment avez-vous donné vos commentaires à votre mentoré·e : en douceur ou directement?'
				],
				protege: [
					'So far, how direct has feedback from your mentor been?',
					'Jusqu’à maintenant, comment les commentaires de votre mentor vous ont-ils été donnés : en douceur ou directement?'
				],
				employer: [
					'So far, how direct has feedback from the mentors you support been?',
					'Jusqu’à maintenant, comment les mentors que vous soutenez ont-ils donné leurs commentaires : en douceur ou directement?'
				],
				staff: [
					'So far, how direct has feedback from mentors in this program been?',
					'Jusqu’à maintenant, comment les mentors de ce programme ont-ils donné leurs commentaires : en douceur ou directement?'
				]
			}
		}),
		scaleItem({
			key: 'relationship_personal_experience_actual',
			label: ['Career path actually shared', 'Parcours réellement partagé'],
			wave: 'mid',
			follows: 'relationship_personal_experience',
			options: coverageScale(),
			direction: 'ascending',
			hint: careerHint,
			wording: {
				mentor: [
					'So far, how much have you told your mentee about your own career path?',
					'Jusqu’à maintenant, combien avez-vous parlé à votre mentoré·e de votre propre parcours professionnel?'
				],
				protege: [
					'So far, how much has your mentor told you about their own career path?',
					'Jusqu’à maintenant, combien avez-vous entendu parler du parcours professionnel de votre mentor?'
				],
				employer: [
					'So far, how much have the mentors you support shared about their own career path?',
					'Jusqu’à maintenant, combien les mentors que vous soutenez ont-ils parlé de leur propre parcours professionnel?'
				],
				staff: [
					'So far, how much have mentors in this program shared about their own career path?',
					'Jusqu’à maintenant, combien les mentors de ce programme ont-ils parlé de leur propre parcours professionnel?'
				]
			}
		}),
		scaleItem({
			key: 'relationship_life_outside_work_actual',
			label: ['Actual talk about life outside work', 'Vie personnelle réellement abordée'],
			wave: 'mid',
			follows: 'relationship_life_outside_work',
			options: coverageScale(),
			direction: 'ascending',
			hint: lifeHint,
			wording: {
				mentor: [
					'So far, how much have you and your mentee talked about life outside work?',
					'Jusqu’à maintenant, combien vous et votre mentoré·e avez-vous parlé de la vie en dehors du travail?'
				],
				protege: [
					'So far, how much have you and your mentor talked about life outside work?',
					'Jusqu’à maintenant, combien vous et votre mentor avez-vous parlé de la vie en dehors du travail?'
				],
				employer: [
					'Think of the mentors you support and the newcomers they mentor. So far, how much have they talked about life outside work?',
					'Jusqu’à maintenant, combien les mentors que vous soutenez et leurs mentoré·e·s ont-ils parlé de la vie en dehors du travail?'
				],
				staff: [
					'So far, how much have pairs in this program talked about life outside work?',
					'Jusqu’à maintenant, combien les duos de ce programme ont-ils parlé de la vie en dehors du travail?'
				]
			}
		})
	]
};
