import type { ConstructDocument } from '../../../instruments/types';
import {
	agreementScale,
	choiceItem,
	satisfactionScale,
	scaleItem,
	slugOptions,
	textItem,
	type RoleTexts
} from './options';

const anythingElse: RoleTexts = {
	mentor: [
		'Is there anything else you want us to know?',
		'Y a-t-il autre chose que vous voulez nous dire?'
	],
	protege: [
		'Is there anything else you want us to know?',
		'Y a-t-il autre chose que vous voulez nous dire?'
	],
	employer: [
		'Is there anything else you want us to know?',
		'Y a-t-il autre chose que vous voulez nous dire?'
	],
	staff: [
		'Is there anything else to note about this program?',
		'Y a-t-il autre chose à noter sur ce programme?'
	]
};

const optionalHint: [string, string] = [
	'You can leave this empty.',
	'Vous pouvez laisser ce champ vide.'
];

/** Questions about the mentoring as a whole, mostly for the mid-program check-in. */
export const checkIn: ConstructDocument = {
	key: 'check_in',
	name: { en: 'Overall', fr: 'Dans l’ensemble' },
	intro: {
		en: 'A few last questions about the mentoring as a whole.',
		fr: 'Quelques dernières questions sur le mentorat dans son ensemble.'
	},
	weight: 1,
	items: [
		// ── pre ──
		textItem({
			key: 'check_in_anything_else',
			label: ['Anything else to tell us', 'Autre chose à nous dire'],
			wave: 'pre',
			hint: optionalHint,
			wording: anythingElse
		}),

		// ── mid ──
		scaleItem({
			key: 'check_in_satisfaction',
			label: ['Satisfaction so far', 'Satisfaction jusqu’ici'],
			wave: 'mid',
			options: satisfactionScale(),
			direction: 'ascending',
			wording: {
				mentor: [
					'How happy are you with the mentoring so far?',
					'Jusqu’à maintenant, êtes-vous satisfait·e du mentorat?'
				],
				protege: [
					'How happy are you with the mentoring so far?',
					'Jusqu’à maintenant, êtes-vous satisfait·e du mentorat?'
				],
				employer: [
					'How happy are you with the mentoring you support so far?',
					'Jusqu’à maintenant, êtes-vous satisfait·e du mentorat que vous soutenez?'
				],
				staff: [
					'How happy are you with how pairs in this program are doing so far?',
					'Jusqu’à maintenant, êtes-vous satisfait·e de la façon dont vont les duos de ce programme?'
				]
			}
		}),
		scaleItem({
			key: 'check_in_expectations_met',
			label: ['Expectations met so far', 'Attentes comblées jusqu’ici'],
			wave: 'mid',
			options: agreementScale(),
			direction: 'ascending',
			hint: ['Say how much you agree.', 'Dites à quel point vous êtes d’accord.'],
			wording: {
				mentor: [
					'So far, the mentoring has met my expectations.',
					'Jusqu’à maintenant, le mentorat répond à mes attentes.'
				],
				protege: [
					'So far, the mentoring has met my expectations.',
					'Jusqu’à maintenant, le mentorat répond à mes attentes.'
				],
				employer: [
					'So far, the mentoring we support has met our expectations.',
					'Jusqu’à maintenant, le mentorat que nous soutenons répond à nos attentes.'
				],
				staff: [
					'So far, the mentoring in this program has met our expectations.',
					'Jusqu’à maintenant, le mentorat dans ce programme répond à nos attentes.'
				]
			}
		}),
		choiceItem({
			key: 'check_in_contact_request',
			label: ['Wants a coordinator to call', 'Souhaite un appel de la coordination'],
			wave: 'mid',
			options: slugOptions([
				['yes', 'Yes, please contact me', 'Oui, veuillez communiquer avec moi'],
				['no', 'No, thank you', 'Non, merci']
			]),
			hint: [
				'The program team is the staff of the organization that runs this program.',
				'L’équipe du programme, c’est le personnel de l’organisme qui offre ce programme.'
			],
			// Not asked of staff: they are the program team.
			wording: {
				mentor: [
					'Would you like someone from the program team to contact you?',
					'Voulez-vous qu’une personne de l’équipe du programme communique avec vous?'
				],
				protege: [
					'Would you like someone from the program team to contact you?',
					'Voulez-vous qu’une personne de l’équipe du programme communique avec vous?'
				],
				employer: [
					'Would you like someone from the program team to contact you?',
					'Voulez-vous qu’une personne de l’équipe du programme communique avec vous?'
				]
			}
		}),
		textItem({
			key: 'check_in_anything_else_mid',
			label: ['Anything else to tell us', 'Autre chose à nous dire'],
			wave: 'mid',
			hint: optionalHint,
			wording: anythingElse
		})
	]
};
