import type { ConstructDocument } from '../../../instruments/types';
import { agreementScale, scaleItem } from './options';

const agreeHint: [string, string] = [
	'Say how much you agree.',
	'Dites à quel point vous êtes d’accord.'
];

export const commitment: ConstructDocument = {
	key: 'commitment',
	name: { en: 'Commitment', fr: 'L’engagement' },
	intro: {
		en: 'Say how much you agree with each sentence.',
		fr: 'Dites à quel point vous êtes d’accord avec chaque phrase.'
	},
	weight: 1.5,
	items: [
		// ── pre ──
		scaleItem({
			key: 'commitment_time',
			label: ['Enough time for mentoring', 'Assez de temps pour le mentorat'],
			wave: 'pre',
			options: agreementScale(),
			direction: 'ascending',
			hint: agreeHint,
			wording: {
				mentor: [
					'I will have enough time for the mentoring.',
					'J’aurai assez de temps pour le mentorat.'
				],
				protege: [
					'I will have enough time for the mentoring.',
					'J’aurai assez de temps pour le mentorat.'
				],
				employer: [
					'The mentors we support will have enough time for the mentoring.',
					'Les mentors que nous soutenons auront assez de temps pour le mentorat.'
				],
				staff: [
					'Pairs in this program will have enough time for the mentoring.',
					'Les duos de ce programme auront assez de temps pour le mentorat.'
				]
			}
		}),
		scaleItem({
			key: 'commitment_finish',
			label: ['Staying until the end', 'Rester jusqu’à la fin'],
			wave: 'pre',
			options: agreementScale(),
			direction: 'ascending',
			hint: agreeHint,
			wording: {
				mentor: [
					'I will stay in the mentoring until the program ends.',
					'Je resterai dans le mentorat jusqu’à la fin du programme.'
				],
				protege: [
					'I will stay in the mentoring until the program ends.',
					'Je resterai dans le mentorat jusqu’à la fin du programme.'
				],
				employer: [
					'The mentors we support will stay until the program ends.',
					'Les mentors que nous soutenons resteront jusqu’à la fin du programme.'
				],
				staff: [
					'Pairs in this program will stay together until the program ends.',
					'Les duos de ce programme resteront ensemble jusqu’à la fin du programme.'
				]
			}
		}),
		scaleItem({
			key: 'commitment_keep_in_touch',
			label: ['Keeping in touch afterward', 'Garder contact après le programme'],
			wave: 'pre',
			options: agreementScale(),
			direction: 'ascending',
			hint: agreeHint,
			wording: {
				mentor: [
					'I want to keep in touch with my mentee after the program ends.',
					'Je veux garder contact avec mon ou ma mentoré·e après la fin du programme.'
				],
				protege: [
					'I want to keep in touch with my mentor after the program ends.',
					'Je veux garder contact avec mon mentor après la fin du programme.'
				],
				employer: [
					'I hope the mentors we support keep in touch with their mentees after the program.',
					'J’espère que les mentors que nous soutenons garderont contact avec leurs mentoré·e·s après le programme.'
				],
				staff: [
					'I hope pairs in this program keep in touch after the program ends.',
					'J’espère que les duos de ce programme garderont contact après la fin du programme.'
				]
			}
		}),

		// ── mid ──
		scaleItem({
			key: 'commitment_partner',
			label: ['Partner’s commitment', 'Engagement de l’autre membre du duo'],
			wave: 'mid',
			options: agreementScale(),
			direction: 'ascending',
			hint: agreeHint,
			wording: {
				mentor: [
					'My mentee cares about our meetings and comes to them.',
					'Mon ou ma mentoré·e prend nos rencontres au sérieux.'
				],
				protege: [
					'My mentor cares about our meetings and comes to them.',
					'Mon mentor prend nos rencontres au sérieux.'
				],
				employer: [
					'The mentors we support care about their meetings and come to them.',
					'Les mentors que nous soutenons prennent leurs rencontres au sérieux.'
				],
				staff: [
					'Mentors and mentees in this program care about their meetings and come to them.',
					'Les mentors et les mentoré·e·s de ce programme prennent leurs rencontres au sérieux.'
				]
			}
		}),
		scaleItem({
			key: 'commitment_time_actual',
			label: ['Enough time so far', 'Assez de temps jusqu’ici'],
			wave: 'mid',
			follows: 'commitment_time',
			options: agreementScale(),
			direction: 'ascending',
			hint: agreeHint,
			wording: {
				mentor: [
					'So far, I have had enough time for the mentoring.',
					'Jusqu’à maintenant, j’ai eu assez de temps pour le mentorat.'
				],
				protege: [
					'So far, I have had enough time for the mentoring.',
					'Jusqu’à maintenant, j’ai eu assez de temps pour le mentorat.'
				],
				employer: [
					'So far, the mentors we support have had enough time for the mentoring.',
					'Jusqu’à maintenant, les mentors que nous soutenons ont eu assez de temps pour le mentorat.'
				],
				staff: [
					'So far, pairs in this program have had enough time for the mentoring.',
					'Jusqu’à maintenant, les duos de ce programme ont eu assez de temps pour le mentorat.'
				]
			}
		}),
		scaleItem({
			key: 'commitment_finish_actual',
			label: ['Still staying until the end', 'Compte toujours rester jusqu’à la fin'],
			wave: 'mid',
			follows: 'commitment_finish',
			options: agreementScale(),
			direction: 'ascending',
			hint: agreeHint,
			wording: {
				mentor: [
					'I plan to stay in the mentoring until the program ends.',
					'Je compte rester dans le mentorat jusqu’à la fin du programme.'
				],
				protege: [
					'I plan to stay in the mentoring until the program ends.',
					'Je compte rester dans le mentorat jusqu’à la fin du programme.'
				],
				employer: [
					'I expect the mentors we support to stay until the program ends.',
					'Je pense que les mentors que nous soutenons resteront jusqu’à la fin du programme.'
				],
				staff: [
					'I expect pairs in this program to stay together until the program ends.',
					'Je pense que les duos de ce programme resteront ensemble jusqu’à la fin du programme.'
				]
			}
		}),
		scaleItem({
			key: 'commitment_keep_in_touch_actual',
			label: ['Still wants to keep in touch', 'Veut toujours garder contact'],
			wave: 'mid',
			follows: 'commitment_keep_in_touch',
			options: agreementScale(),
			direction: 'ascending',
			hint: agreeHint,
			wording: {
				mentor: [
					'Today, I want to keep in touch with my mentee after the program ends.',
					'Aujourd’hui, je veux garder contact avec mon ou ma mentoré·e après la fin du programme.'
				],
				protege: [
					'Today, I want to keep in touch with my mentor after the program ends.',
					'Aujourd’hui, je veux garder contact avec mon mentor après la fin du programme.'
				],
				employer: [
					'Today, I hope the mentors we support keep in touch with their mentees after the program.',
					'Aujourd’hui, j’espère que les mentors que nous soutenons garderont contact avec leurs mentoré·e·s après le programme.'
				],
				staff: [
					'Today, I hope pairs in this program keep in touch after the program ends.',
					'Aujourd’hui, j’espère que les duos de ce programme garderont contact après la fin du programme.'
				]
			}
		})
	]
};
