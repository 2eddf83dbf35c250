import type { ConstructDocument } from '../../../instruments/types';
import { likelihoodScale, referralProgressScale, scaleItem, timeToJobScale } from './options';

const referralHint: [string, string] = [
	'To refer someone means to tell the people who hire about them.',
	'Recommander quelqu’un, c’est parler de cette personne aux gens qui embauchent.'
];

export const outcomes: ConstructDocument = {
	key: 'outcomes',
	name: { en: 'Outcomes', fr: 'Les résultats' },
	intro: {
		en: 'These questions are about what the mentoring may lead to.',
		fr: 'Ces questions portent sur ce que le mentorat peut apporter.'
	},
	weight: 1.5,
	items: [
		// ── pre ──
		scaleItem({
			key: 'outcomes_job_offer',
			label: ['Chance of a job offer', 'Chances d’une offre d’emploi'],
			wave: 'pre',
			critical: true,
			options: likelihoodScale(),
			direction: 'ascending',
			wording: {
				mentor: [
					'How likely is it that your mentee gets a job offer before the program ends?',
					'Est-il probable que votre mentoré·e reçoive une offre d’emploi avant la fin du programme?'
				],
				protege: [
					'How likely is it that you get a job offer before the program ends?',
					'Est-il probable que vous receviez une offre d’emploi avant la fin du programme?'
				],
				employer: [
					'Think of the mentors you support. How likely is it that the newcomers they mentor get a job offer before the program ends?',
					'Pensez aux mentors que vous soutenez. Est-il probable que leurs mentoré·e·s reçoivent une offre d’emploi avant la fin du programme?'
				],
				staff: [
					'Think of a newcomer in this program. How likely is a job offer before the program ends?',
					'Est-il probable qu’une personne nouvellement arrivée dans ce programme reçoive une offre d’emploi avant la fin du programme?'
				]
			}
		}),
		scaleItem({
			key: 'outcomes_referral',
			label: ['Referral at the mentor’s workplace', 'Recommandation chez l’employeur du mentor'],
			wave: 'pre',
			critical: true,
			options: likelihoodScale(),
			direction: 'ascending',
			hint: referralHint,
			wording: {
				mentor: [
					'How likely is it that you will refer your mentee for a job where you work?',
					'Est-il probable que vous recommandiez votre mentoré·e pour un emploi là où vous travaillez?'
				],
				protege: [
					'How likely is it that your mentor will refer you for a job where they work?',
					'Est-il probable que votre mentor vous recommande pour un emploi là où il ou elle travaille?'
				],
				employer: [
					'Think of the mentors you support. How likely is it that they refer the newcomers they mentor for jobs with you?',
					'Pensez aux mentors que vous soutenez. Est-il probable qu’ils recommandent leurs mentoré·e·s pour un emploi chez vous?'
				],
				staff: [
					'Think of mentors in this program. How likely is it that they refer their mentee for a job where they work?',
					'Est-il probable que les mentors de ce programme recommandent leur mentoré·e pour un emploi là où ils travaillent?'
				]
			}
		}),
		scaleItem({
			key: 'outcomes_time_to_job',
			label: ['Time to find a job', 'Délai pour trouver un emploi'],
			wave: 'pre',
			options: timeToJobScale(),
			direction: 'ascending',
			wording: {
				mentor: [
					'How long do you think it will take your mentee to find a job in their field?',
					'Combien de temps faudra-t-il, selon vous, à votre mentoré·e pour trouver un emploi dans son domaine?'
				],
				protege: [
					'How long do you think it will take you to find a job in your field?',
					'Combien de temps vous faudra-t-il, selon vous, pour trouver un emploi dans votre domaine?'
				],
				employer: [
					'Think of the mentors you support. How long will it take the newcomers they mentor to find a job in their field?',
					'Pensez aux mentors que vous soutenez. Combien de temps faudra-t-il à leurs mentoré·e·s pour trouver un emploi dans leur domaine?'
				],
				staff: [
					'How long will it take a newcomer in this program to find a job in their field?',
					'Combien de temps faudra-t-il à une personne nouvellement arrivée dans ce programme pour trouver un emploi dans son domaine?'
				]
			}
		}),

		// ── mid ──
		scaleItem({
			key: 'outcomes_job_offer_now',
			label: ['Chance of a job offer now', 'Chances d’une offre d’emploi maintenant'],
			wave: 'mid',
			follows: 'outcomes_job_offer',
			options: likelihoodScale(),
			direction: 'ascending',
			wording: {
				mentor: [
					'Now, how likely is it that your mentee gets a job offer before the program ends?',
					'Maintenant, est-il probable que votre mentoré·e reçoive une offre d’emploi avant la fin du programme?'
				],
				protege: [
					'Now, how likely is it that you get a job offer before the program ends?',
					'Maintenant, est-il probable que vous receviez une offre d’emploi avant la fin du programme?'
				],
				employer: [
					'Think of the mentors you support. Now, how likely is it that the newcomers they mentor get a job offer before the program ends?',
					'Pensez aux mentors que vous soutenez. Maintenant, est-il probable que leurs mentoré·e·s reçoivent une offre d’emploi avant la fin du programme?'
				],
				staff: [
					'Think of a newcomer in this program. Now, how likely is a job offer before the program ends?',
					'Maintenant, est-il probable qu’une personne nouvellement arrivée dans ce programme reçoive une offre d’emploi avant la fin du programme?'
				]
			}
		}),
		scaleItem({
			key: 'outcomes_referral_actual',
			label: ['Referral progress', 'Progrès de la recommandation'],
			wave: 'mid',
			follows: 'outcomes_referral',
			options: referralProgressScale(),
			direction: 'ascending',
			hint: referralHint,
			wording: {
				mentor: [
					'Have you referred your mentee for a job where you work, or talked about it?',
					'Avez-vous recommandé votre mentoré·e pour un emploi là où vous travaillez, ou en avez-vous parlé?'
				],
				protege: [
					'Has your mentor referred you for a job where they work, or talked about it?',
					'Avez-vous été recommandé·e par votre mentor pour un emploi là où il ou elle travaille, ou en avez-vous parlé?'
				],
				employer: [
					'Think of the mentors you support. Have they referred the newcomers they mentor for jobs with you, or talked about it?',
					'Pensez aux mentors que vous soutenez. Ont-ils recommandé leurs mentoré·e·s pour un emploi chez vous, ou en ont-ils parlé?'
				],
				staff: [
					'Think of mentors in this program. Have they referred their mentee for a job where they work, or talked about it?',
					'Les mentors de ce programme ont-ils recommandé leur mentoré·e pour un emploi là où ils travaillent, ou en ont-ils parlé?'
				]
			}
		}),
		scaleItem({
			key: 'outcomes_time_to_job_now',
			label: ['Time to find a job now', 'Délai pour trouver un emploi maintenant'],
			wave: 'mid',
			follows: 'outcomes_time_to_job',
			options: timeToJobScale(),
			direction: 'ascending',
			wording: {
				mentor: [
					'Now, how long do you think it will take your mentee to find a job in their field?',
					'Maintenant, combien de temps faudra-t-il, selon vous, à votre mentoré·e pour trouver un emploi dans son domaine?'
				],
				protege: [
					'Now, how long do you think it will take you to find a job in your field?',
					'Maintenant, combien de temps vous faudra-t-il, selon vous, pour trouver un emploi dans votre domaine?'
				],
				employer: [
					'Think of the mentors you support. Now, how long will it take the newcomers they mentor to find a job in their field?',
					'Pensez aux mentors que vous soutenez. Maintenant, combien de temps faudra-t-il à leurs mentoré·e·s pour trouver un emploi dans leur domaine?'
				],
				staff: [
					'Now, how long will it take a newcomer in this program to find a job in their field?',
					'Maintenant, combien de temps faudra-t-il à une personne nouvellement arrivée dans ce programme pour trouver un emploi dans son domaine?'
				]
			}
		})
	]
};
