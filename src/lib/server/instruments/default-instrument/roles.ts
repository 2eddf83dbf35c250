import type { ConstructDocument, ItemDocument } from '../../../instruments/types';
import { choiceItem, dontKnow, scaleItem, slugOptions, whoScale } from './options';

/** A task the pair shares, as a verb phrase and its past form, with a label for each wave. */
interface Task {
	slug: string;
	label: [string, string];
	labelDone: [string, string];
	en: string;
	enDone: string;
	fr: string;
	frDone: string;
	hint?: [string, string];
}

const menteeHint: [string, string] = [
	'The mentee is the newcomer who is looking for work.',
	'Le ou la mentoré·e est la personne nouvellement arrivée qui cherche un emploi.'
];

const tasks: Task[] = [
	{
		slug: 'start_contact',
		label: ['Who starts contact', 'Qui prend contact'],
		labelDone: ['Who actually starts contact', 'Qui prend contact en réalité'],
		en: 'reach out to set up meetings',
		enDone: 'reached out to set up meetings',
		fr: 'prendre contact pour fixer les rencontres',
		frDone: 'pris contact pour fixer les rencontres'
	},
	{
		slug: 'agenda',
		label: ['Who sets the agenda', 'Qui choisit les sujets'],
		labelDone: ['Who actually sets the agenda', 'Qui choisit les sujets en réalité'],
		en: 'decide what to talk about at meetings',
		enDone: 'decided what to talk about at meetings',
		fr: 'décider des sujets des rencontres',
		frDone: 'décidé des sujets des rencontres'
	},
	{
		slug: 'job_openings',
		label: ['Who looks for job openings', 'Qui cherche des offres d’emploi'],
		labelDone: ['Who actually looks for openings', 'Qui cherche les offres en réalité'],
		en: 'look for job openings',
		enDone: 'looked for job openings',
		fr: 'chercher des offres d’emploi',
		frDone: 'cherché des offres d’emploi'
	},
	{
		slug: 'follow_up',
		label: ['Who follows up after meetings', 'Qui fait le suivi des rencontres'],
		labelDone: ['Who actually follows up', 'Qui fait le suivi en réalité'],
		en: 'follow up after each meeting',
		enDone: 'followed up after meetings',
		fr: 'faire le suivi après chaque rencontre',
		frDone: 'fait le suivi après les rencontres',
		hint: [
			'For example, by sending a short note with the next steps. The mentee is the newcomer who is looking for work.',
			'Par exemple, en envoyant un court message avec les prochaines étapes. Le ou la mentoré·e est la personne nouvellement arrivée qui cherche un emploi.'
		]
	}
];

/** Pre: who should do this task? */
function whoShould(task: Task): ItemDocument {
	return scaleItem({
		key: `roles_${task.slug}`,
		label: task.label,
		wave: 'pre',
		options: whoScale(),
		direction: 'ascending',
		hint: task.hint ?? menteeHint,
		wording: {
			mentor: [
				`Between you and your mentee, who should ${task.en}?`,
				`Entre vous et votre mentoré·e, qui devrait ${task.fr}?`
			],
			protege: [
				`Between you and your mentor, who should ${task.en}?`,
				`Entre vous et votre mentor, qui devrait ${task.fr}?`
			],
			employer: [
				`Think of the mentors you support and the newcomers they mentor. Who should ${task.en}?`,
				`Pensez aux mentors que vous soutenez et à leurs mentoré·e·s. Qui devrait ${task.fr}?`
			],
			staff: [
				`In pairs in this program, who should ${task.en}?`,
				`Dans les duos de ce programme, qui devrait ${task.fr}?`
			]
		}
	});
}

/** Mid: who has actually been doing it? */
function whoHas(task: Task): ItemDocument {
	return scaleItem({
		key: `roles_${task.slug}_actual`,
		label: task.labelDone,
		wave: 'mid',
		follows: `roles_${task.slug}`,
		options: whoScale(),
		direction: 'ascending',
		hint: task.hint ?? menteeHint,
		wording: {
			mentor: [
				`So far, who has ${task.enDone}: you or your mentee?`,
				`Jusqu’à maintenant, qui a ${task.frDone} : vous ou votre mentoré·e?`
			],
			protege: [
				`So far, who has ${task.enDone}: you or your mentor?`,
				`Jusqu’à maintenant, qui a ${task.frDone} : vous ou votre mentor?`
			],
			employer: [
				`Think of the mentors you support and the newcomers they mentor. So far, who has ${task.enDone}?`,
				`Pensez aux mentors que vous soutenez et à leurs mentoré·e·s. Jusqu’à maintenant, qui a ${task.frDone}?`
			],
			staff: [
				`In pairs in this program, who has ${task.enDone} so far?`,
				`Dans les duos de ce programme, qui a ${task.frDone} jusqu’à maintenant?`
			]
		}
	});
}

const teamHint: [string, string] = [
	'The program team is the staff of the organization that runs this program.',
	'L’équipe du programme, c’est le personnel de l’organisme qui offre ce programme.'
];

const programTeam: ItemDocument = choiceItem({
	key: 'roles_program_team',
	label: ['Role of the program team', 'Rôle de l’équipe du programme'],
	wave: 'pre',
	hint: teamHint,
	options: [
		...slugOptions([
			['check_in_often', 'Check in often', 'Prendre souvent des nouvelles'],
			[
				'only_if_problem',
				'Step in only if there is a problem',
				'Intervenir seulement en cas de problème'
			],
			['not_involved', 'Stay out of it', 'Ne pas s’en mêler']
		]),
		...dontKnow()
	],
	wording: {
		mentor: [
			'During the program, what should the program team do for you and your mentee?',
			'Pendant le programme, que devrait faire l’équipe du programme pour vous et votre mentoré·e?'
		],
		protege: [
			'During the program, what should the program team do for you and your mentor?',
			'Pendant le programme, que devrait faire l’équipe du programme pour vous et votre mentor?'
		],
		employer: [
			'During the program, what should the program team do for the mentors you support?',
			'Pendant le programme, que devrait faire l’équipe du programme pour les mentors que vous soutenez?'
		],
		staff: [
			'During the program, what should your team do for pairs?',
			'Pendant le programme, que devrait faire votre équipe pour les duos?'
		]
	}
});

const programTeamActual: ItemDocument = choiceItem({
	key: 'roles_program_team_actual',
	label: ['Actual role of the program team', 'Rôle réel de l’équipe du programme'],
	wave: 'mid',
	follows: 'roles_program_team',
	hint: teamHint,
	options: [
		...slugOptions([
			['check_in_often', 'Checked in often', 'A souvent pris des nouvelles'],
			[
				'only_if_problem',
				'Stepped in only when there was a problem',
				'Est intervenue seulement en cas de problème'
			],
			['not_involved', 'Stayed out of it', 'Ne s’en est pas mêlée']
		]),
		...dontKnow()
	],
	wording: {
		mentor: [
			'So far, what has the program team done for you and your mentee?',
			'Jusqu’à maintenant, qu’a fait l’équipe du programme pour vous et votre mentoré·e?'
		],
		protege: [
			'So far, what has the program team done for you and your mentor?',
			'Jusqu’à maintenant, qu’a fait l’équipe du programme pour vous et votre mentor?'
		],
		employer: [
			'So far, what has the program team done for the mentors you support?',
			'Jusqu’à maintenant, qu’a fait l’équipe du programme pour les mentors que vous soutenez?'
		],
		staff: [
			'So far, what has your team done for pairs in this program?',
			'Jusqu’à maintenant, qu’a fait votre équipe pour les duos de ce programme?'
		]
	}
});

export const roles: ConstructDocument = {
	key: 'roles',
	name: { en: 'Roles and responsibilities', fr: 'Les rôles et les responsabilités' },
	intro: {
		en: 'These questions are about who does what in the mentoring.',
		fr: 'Ces questions portent sur qui fait quoi dans le mentorat.'
	},
	weight: 1,
	items: [...tasks.map(whoShould), programTeam, ...tasks.map(whoHas), programTeamActual]
};
