import type { ConstructDocument } from '../../../instruments/types';
import {
	frequencyScale,
	hoursPerMonth,
	lengthScale,
	modeOptions,
	multiItem,
	numberItem,
	replyScale,
	scaleItem
} from './options';

const countAllMeetings: [string, string] = [
	'Count all meetings: in person, by video or by phone.',
	'Comptez toutes les rencontres : en personne, par vidéo ou par téléphone.'
];

const countAllTime: [string, string] = [
	'Count meetings, calls and messages.',
	'Comptez les rencontres, les appels et les messages.'
];

const chooseAll: [string, string] = [
	'Choose all that apply.',
	'Choisissez toutes les réponses qui s’appliquent.'
];

export const contact: ConstructDocument = {
	key: 'contact',
	name: { en: 'Contact', fr: 'Les contacts' },
	intro: {
		en: 'These questions are about how often and how the pair meets and talks.',
		fr: 'Ces questions portent sur la façon de se rencontrer et de se parler, et sur la fréquence.'
	},
	weight: 1,
	items: [
		// ── pre ──
		scaleItem({
			key: 'contact_frequency',
			label: ['Meeting frequency', 'Fréquence des rencontres'],
			wave: 'pre',
			options: frequencyScale(),
			direction: 'descending',
			hint: countAllMeetings,
			wording: {
				mentor: [
					'How often do you expect to meet your mentee?',
					'À quelle fréquence pensez-vous rencontrer votre mentoré·e?'
				],
				protege: [
					'How often do you expect to meet your mentor?',
					'À quelle fréquence pensez-vous rencontrer votre mentor?'
				],
				employer: [
					'How often should the mentors you support meet the newcomers they mentor?',
					'À quelle fréquence les mentors que vous soutenez devraient-ils rencontrer leurs mentoré·e·s?'
				],
				staff: [
					'How often should pairs in this program meet?',
					'À quelle fréquence les duos de ce programme devraient-ils se rencontrer?'
				]
			}
		}),
		scaleItem({
			key: 'contact_length',
			label: ['Meeting length', 'Durée des rencontres'],
			wave: 'pre',
			options: lengthScale(),
			direction: 'ascending',
			wording: {
				mentor: [
					'How long do you expect each meeting with your mentee to be?',
					'Combien de temps pensez-vous que durera chaque rencontre avec votre mentoré·e?'
				],
				protege: [
					'How long do you expect each meeting with your mentor to be?',
					'Combien de temps pensez-vous que durera chaque rencontre avec votre mentor?'
				],
				employer: [
					'How long should each meeting be for the mentors you support?',
					'Combien de temps devrait durer chaque rencontre pour les mentors que vous soutenez?'
				],
				staff: [
					'How long should each meeting be for pairs in this program?',
					'Combien de temps devrait durer chaque rencontre pour les duos de ce programme?'
				]
			}
		}),
		multiItem({
			key: 'contact_modes',
			label: ['Ways of meeting', 'Façons de se rencontrer'],
			wave: 'pre',
			options: modeOptions(),
			hint: chooseAll,
			wording: {
				mentor: [
					'How do you want to meet and talk with your mentee?',
					'Comment voulez-vous rencontrer votre mentoré·e et lui parler?'
				],
				protege: [
					'How do you want to meet and talk with your mentor?',
					'Comment voulez-vous rencontrer votre mentor et lui parler?'
				],
				employer: [
					'How should the mentors you support meet and talk with the newcomers they mentor?',
					'Comment les mentors que vous soutenez devraient-ils rencontrer leurs mentoré·e·s et leur parler?'
				],
				staff: [
					'How should pairs in this program meet and talk?',
					'Comment les duos de ce programme devraient-ils se rencontrer et se parler?'
				]
			}
		}),
		numberItem({
			key: 'contact_hours',
			label: ['Hours per month', 'Heures par mois'],
			wave: 'pre',
			number: hoursPerMonth(),
			hint: countAllTime,
			wording: {
				mentor: [
					'About how many hours a month do you expect to spend with your mentee?',
					'Environ combien d’heures par mois pensez-vous passer avec votre mentoré·e?'
				],
				protege: [
					'About how many hours a month do you expect to spend with your mentor?',
					'Environ combien d’heures par mois pensez-vous passer avec votre mentor?'
				],
				employer: [
					'Think of the mentors you support. About how many hours a month should they spend on mentoring?',
					'Environ combien d’heures par mois les mentors que vous soutenez devraient-ils consacrer au mentorat?'
				],
				staff: [
					'About how many hours a month should pairs in this program spend together?',
					'Environ combien d’heures par mois les duos de ce programme devraient-ils passer ensemble?'
				]
			}
		}),
		scaleItem({
			key: 'contact_reply',
			label: ['Reply time to messages', 'Délai de réponse aux messages'],
			wave: 'pre',
			options: replyScale(),
			direction: 'descending',
			wording: {
				mentor: [
					'How soon should you and your mentee reply to each other’s messages?',
					'En combien de temps vous et votre mentoré·e devriez-vous répondre aux messages de l’autre?'
				],
				protege: [
					'How soon should you and your mentor reply to each other’s messages?',
					'En combien de temps vous et votre mentor devriez-vous répondre aux messages de l’autre?'
				],
				employer: [
					'Think of the mentors you support and the newcomers they mentor. How soon should they reply to each other?',
					'En combien de temps les mentors que vous soutenez et leurs mentoré·e·s devraient-ils se répondre?'
				],
				staff: [
					'How soon should people in a pair reply to each other’s messages?',
					'En combien de temps les membres d’un duo devraient-ils répondre aux messages de l’autre?'
				]
			}
		}),

		// ── mid ──
		scaleItem({
			key: 'contact_frequency_actual',
			label: ['Actual meeting frequency', 'Fréquence réelle des rencontres'],
			wave: 'mid',
			follows: 'contact_frequency',
			options: frequencyScale(),
			direction: 'descending',
			hint: countAllMeetings,
			wording: {
				mentor: [
					'So far, how often have you met your mentee?',
					'Jusqu’à maintenant, à quelle fréquence avez-vous rencontré votre mentoré·e?'
				],
				protege: [
					'So far, how often have you met your mentor?',
					'Jusqu’à maintenant, à quelle fréquence avez-vous rencontré votre mentor?'
				],
				employer: [
					'So far, how often have the mentors you support met the newcomers they mentor?',
					'Jusqu’à maintenant, à quelle fréquence les mentors que vous soutenez ont-ils rencontré leurs mentoré·e·s?'
				],
				staff: [
					'So far, how often have pairs in this program met?',
					'Jusqu’à maintenant, à quelle fréquence les duos de ce programme se sont-ils rencontrés?'
				]
			}
		}),
		scaleItem({
			key: 'contact_length_actual',
			label: ['Actual meeting length', 'Durée réelle des rencontres'],
			wave: 'mid',
			follows: 'contact_length',
			options: lengthScale(),
			direction: 'ascending',
			wording: {
				mentor: [
					'So far, how long has each meeting with your mentee been?',
					'Jusqu’à maintenant, combien de temps a duré chaque rencontre avec votre mentoré·e?'
				],
				protege: [
					'So far, how long has each meeting with your mentor been?',
					'Jusqu’à maintenant, combien de temps a duré chaque rencontre avec votre mentor?'
				],
				employer: [
					'So far, how long have meetings been for the mentors you support?',
					'Jusqu’à maintenant, combien de temps ont duré les rencontres des mentors que vous soutenez?'
				],
				staff: [
					'So far, how long have meetings been for pairs in this program?',
					'Jusqu’à maintenant, combien de temps ont duré les rencontres des duos de ce programme?'
				]
			}
		}),
		multiItem({
			key: 'contact_modes_actual',
			label: ['Actual ways of meeting', 'Façons réelles de se rencontrer'],
			wave: 'mid',
			follows: 'contact_modes',
			options: modeOptions(),
			hint: chooseAll,
			wording: {
				mentor: [
					'So far, how have you met and talked with your mentee?',
					'Jusqu’à maintenant, comment avez-vous rencontré votre mentoré·e et lui avez-vous parlé?'
				],
				protege: [
					'So far, how have you met and talked with your mentor?',
					'Jusqu’à maintenant, comment avez-vous rencontré votre mentor et lui avez-vous parlé?'
				],
				employer: [
					'So far, how have the mentors you support met and talked with the newcomers they mentor?',
					'Jusqu’à maintenant, comment les mentors que vous soutenez ont-ils rencontré leurs mentoré·e·s et leur ont-ils parlé?'
				],
				staff: [
					'So far, how have pairs in this program met and talked?',
					'Jusqu’à maintenant, comment les duos de ce programme se sont-ils rencontrés et parlé?'
				]
			}
		}),
		numberItem({
			key: 'contact_hours_actual',
			label: ['Actual hours per month', 'Heures réelles par mois'],
			wave: 'mid',
			follows: 'contact_hours',
			number: hoursPerMonth(),
			hint: countAllTime,
			wording: {
				mentor: [
					'So far, about how many hours a month have you spent with your mentee?',
					'Jusqu’à maintenant, environ combien d’heures par mois avez-vous passées avec votre mentoré·e?'
				],
				protege: [
					'So far, about how many hours a month have you spent with your mentor?',
					'Jusqu’à maintenant, environ combien d’heures par mois avez-vous passées avec votre mentor?'
				],
				employer: [
					'Think of the mentors you support. So far, about how many hours a month have they spent on mentoring?',
					'Jusqu’à maintenant, environ combien d’heures par mois les mentors que vous soutenez ont-ils consacrées au mentorat?'
				],
				staff: [
					'So far, about how many hours a month have pairs in this program spent together?',
					'Jusqu’à maintenant, environ combien d’heures par mois les duos de ce programme ont-ils passées ensemble?'
				]
			}
		}),
		scaleItem({
			key: 'contact_reply_actual',
			label: ['Actual reply time to messages', 'Délai réel de réponse aux messages'],
			wave: 'mid',
			follows: 'contact_reply',
			options: replyScale(),
			direction: 'descending',
			wording: {
				mentor: [
					'So far, how soon have you and your mentee replied to each other’s messages?',
					'Jusqu’à maintenant, en combien de temps vous et votre mentoré·e avez-vous répondu aux messages de l’autre?'
				],
				protege: [
					'So far, how soon have you and your mentor replied to each other’s messages?',
					'Jusqu’à maintenant, en combien de temps vous et votre mentor avez-vous répondu aux messages de l’autre?'
				],
				employer: [
					'Think of the mentors you support and the newcomers they mentor. So far, how soon have they replied to each other?',
					'Jusqu’à maintenant, en combien de temps les mentors que vous soutenez et leurs mentoré·e·s se sont-ils répondu?'
				],
				staff: [
					'So far, how soon have people in a pair replied to each other’s messages?',
					'Jusqu’à maintenant, en combien de temps les membres des duos se sont-ils répondu?'
				]
			}
		})
	]
};
