import type { Role } from '$lib/instruments/types';
import type { Language } from './people';

/** A free-text answer as its writer would put it: [English, French]. */
export type Comment = readonly [en: string, fr: string];

export function say(language: Language, [en, fr]: Comment): string {
	return language === 'fr' ? fr : en;
}

type Wave = 'pre' | 'mid';

/** "Anything else you want us to know?" answers that tell no story of their own. */
const COMMENTS: Record<Role, Record<Wave, Comment[]>> = {
	protege: {
		pre: [
			[
				'I am free most evenings after 6 pm.',
				'Je suis disponible presque tous les soirs après 18 h.'
			],
			[
				'Video calls are easier for me because I live far from downtown.',
				'Les appels vidéo sont plus simples pour moi, j’habite loin du centre-ville.'
			],
			[
				'I would like to practise speaking in meetings.',
				'J’aimerais m’exercer à prendre la parole en réunion.'
			],
			[
				'I take an English course on Tuesdays and Thursdays.',
				'Je suis un cours d’anglais le mardi et le jeudi.'
			],
			['Thank you for this program!', 'Merci pour ce programme!']
		],
		mid: [
			[
				'My résumé is much better now. I have two interviews.',
				'Grâce à mon mentor, mon CV est bien meilleur. J’ai maintenant deux entrevues.'
			],
			['The practice interview was very useful.', 'La simulation d’entrevue était très utile.'],
			[
				'I feel more at ease when I speak in meetings.',
				'Je suis plus à l’aise pour parler en réunion.'
			],
			[
				'We meet on video every two weeks and it works well.',
				'On se voit en vidéo toutes les deux semaines et ça fonctionne bien.'
			]
		]
	},
	mentor: {
		pre: [
			['This is my first time as a mentor.', 'C’est la première fois que je suis mentor.'],
			[
				'I travel for work every other week, so video works best.',
				'Je voyage pour le travail une semaine sur deux, alors la vidéo me convient mieux.'
			],
			[
				'I mentored two newcomers before and enjoyed it.',
				'J’ai déjà accompagné deux personnes nouvellement arrivées et j’ai bien aimé l’expérience.'
			],
			['I can meet at lunch time on weekdays.', 'Je peux me libérer le midi en semaine.']
		],
		mid: [
			['Our meetings are always well prepared.', 'Nos rencontres sont toujours bien préparées.'],
			[
				'We are making a list of companies to contact.',
				'On prépare ensemble une liste d’entreprises à contacter.'
			],
			[
				'I introduced my mentee to two colleagues in the field.',
				'Je lui ai présenté deux collègues du domaine.'
			],
			['Good progress so far.', 'Beaucoup de progrès jusqu’ici.']
		]
	},
	employer: {
		pre: [
			[
				'Our mentors can use two paid hours a month for mentoring.',
				'Nos mentors peuvent consacrer deux heures payées par mois au mentorat.'
			],
			[
				'We hope to meet some of the mentees at our hiring event.',
				'Nous espérons rencontrer des personnes mentorées à notre journée de recrutement.'
			]
		],
		mid: [
			[
				'Two of our mentors asked for tips on giving feedback.',
				'Deux de nos mentors aimeraient des conseils pour donner de la rétroaction.'
			]
		]
	},
	staff: {
		pre: [
			[
				'Pairs should call us if a meeting is cancelled twice in a row.',
				'Les duos devraient nous appeler si une rencontre est annulée deux fois de suite.'
			]
		],
		mid: [
			[
				'A few pairs have not met since the start; we will call them this week.',
				'Quelques duos ne se sont pas vus depuis le début; nous les appellerons cette semaine.'
			]
		]
	}
};

export function commentsFor(role: Role, wave: Wave): Comment[] {
	return COMMENTS[role][wave];
}
