import type { InstrumentDocument, ItemDocument } from '$lib/instruments/types';
import type { DbOrTx } from '../db';
import type { Program } from '../db/schema';
import { roundDocument } from '../survey/assignments';
import { CHECK_IN_COLUMNS } from './check-ins-export';
import type { ExportTable } from './export-table';
import { OUTCOME_COLUMNS } from './outcomes-export';
import { RESPONSE_COLUMNS } from './responses-export';

/** The datasets a codebook describes, each with its columns' meaning in English and French. */
type Meanings = Record<string, [string, string]>;

const PERSON: [string, string] = [
	'Code of a person: the same in every file of this program, keyed with the organization’s secret.',
	'Code d’une personne : le même dans chaque fichier de ce programme, calculé avec la clé secrète de l’organisme.'
];
const PAIR: [string, string] = [
	'Code of a pair (a mentor and a protégé), keyed like the people’s codes.',
	'Code d’un duo (un mentor et une personne mentorée), calculé comme ceux des personnes.'
];
const PROGRAM: [string, string] = ['The program’s name.', 'Le nom du programme.'];

const RESPONSES: Meanings = {
	program: PROGRAM,
	wave: [
		'When the survey was asked: pre (before), mid (check-in), post.',
		'Moment du questionnaire : pre (avant), mid (suivi), post.'
	],
	round_opens_on: [
		'The day the round opened (YYYY-MM-DD).',
		'Jour d’ouverture de la vague (AAAA-MM-JJ).'
	],
	pair: [
		'The pair or pairs the answer is about (codes separated by “;” for a pre answer of a person in several pairs).',
		'Le ou les duos dont parle la réponse (codes séparés par « ; » pour une réponse pre d’une personne dans plusieurs duos).'
	],
	participant: PERSON,
	role: [
		'Who answered: mentor, protege, employer or staff.',
		'Qui a répondu : mentor, protege, employer ou staff.'
	],
	language: ['The language the survey was answered in.', 'La langue dans laquelle on a répondu.'],
	construct: [
		'The topic the question belongs to (see the item rows).',
		'Le sujet de la question (voir les lignes des questions).'
	],
	item: [
		'The question’s key (one row of this codebook each).',
		'La clé de la question (une ligne de ce livre de codes chacune).'
	],
	raw_value: [
		'The answer as stored: an option’s value, a number, free text; several values joined by “;”.',
		'La réponse telle qu’enregistrée : valeur d’une option, nombre, texte libre ; plusieurs valeurs jointes par « ; ».'
	],
	normalised_value: [
		'Scales: 0–1 position in the item’s direction (1 = more); numbers as themselves; empty for “don’t know”.',
		'Échelles : position de 0 à 1 dans le sens de la question (1 = plus) ; nombres tels quels ; vide pour « je ne sais pas ».'
	],
	answered_at: [
		'When the answer was last saved (ISO 8601, UTC).',
		'Dernier enregistrement de la réponse (ISO 8601, UTC).'
	]
};

const PAIR_SCORES: Meanings = {
	program: PROGRAM,
	pair: PAIR,
	mentor: PERSON,
	protege: PERSON,
	wave: [
		'The wave the scores come from (pre or mid).',
		'La vague d’où viennent les scores (pre ou mid).'
	],
	pair_status: [
		'active, paused, ended_early or completed.',
		'active, paused, ended_early ou completed.'
	],
	risk_status: [
		'Tandem’s status of the pair: ok, watch, at_risk, or waiting.',
		'Statut du duo selon Tandem : ok, watch, at_risk ou waiting.'
	],
	alignment: [
		'Alignment of mentor and protégé over every topic, 0–1 (1 = same expectations).',
		'Alignement du mentor et de la personne mentorée sur tous les sujets, de 0 à 1 (1 = mêmes attentes).'
	],
	mentor_staff_alignment: [
		'Mentor against the coordinators’ answers, 0–1.',
		'Mentor par rapport aux réponses des personnes coordonnatrices, de 0 à 1.'
	],
	protege_staff_alignment: [
		'Protégé against the coordinators’ answers, 0–1.',
		'Personne mentorée par rapport aux personnes coordonnatrices, de 0 à 1.'
	],
	mentor_employer_alignment: [
		'Mentor against the employer contacts’ answers, 0–1.',
		'Mentor par rapport aux contacts employeurs, de 0 à 1.'
	],
	protege_employer_alignment: [
		'Protégé against the employer contacts’ answers, 0–1.',
		'Personne mentorée par rapport aux contacts employeurs, de 0 à 1.'
	],
	reasons: [
		'Why the pair needs attention, in words (“;” between reasons).',
		'Pourquoi le duo demande de l’attention, en mots (« ; » entre les raisons).'
	]
};

const PAIRS: Meanings = {
	program: PROGRAM,
	pair: PAIR,
	mentor: PERSON,
	protege: PERSON,
	pair_status: PAIR_SCORES.pair_status!,
	started_on: ['The day the pair was made.', 'Le jour où le duo a été formé.'],
	ended_on: [
		'The day it ended (early or completed), if it did.',
		'Le jour où il a pris fin (plus tôt ou au terme), s’il y a lieu.'
	],
	closure_reason: [
		'Why it ended: completed, work_in_field, work_other_field, moved_away, no_contact, mismatch, personal, withdrew, other.',
		'Raison de la fin : completed, work_in_field, work_other_field, moved_away, no_contact, mismatch, personal, withdrew, other.'
	],
	follows_pair: [
		'For a protégé paired again: the pair this one follows.',
		'Pour une personne mentorée jumelée de nouveau : le duo qui précède.'
	],
	mentor_exit_met_expectations: [
		'Exit survey, mentor: did it meet what they expected, 1 (not at all) – 5 (completely).',
		'Sondage de fin, mentor : attentes comblées, de 1 (pas du tout) à 5 (tout à fait).'
	],
	mentor_exit_helped_most: [
		'Exit survey, mentor: what helped most (a code).',
		'Sondage de fin, mentor : ce qui a le plus aidé (un code).'
	],
	protege_exit_met_expectations: [
		'Exit survey, protégé: as for the mentor.',
		'Sondage de fin, personne mentorée : comme pour le mentor.'
	],
	protege_exit_helped_most: [
		'Exit survey, protégé: what helped most (a code).',
		'Sondage de fin, personne mentorée : ce qui a le plus aidé (un code).'
	]
};

const CHECK_INS: Meanings = {
	program: PROGRAM,
	pair: PAIR,
	participant: PERSON,
	role: ['mentor or protege.', 'mentor ou protege.'],
	step: [
		'0 for the first check-in after the pair started, then 1, 2, …',
		'0 pour le premier point rapide après le début du duo, puis 1, 2, …'
	],
	due_on: ['The day it fell due.', 'Le jour où il était dû.'],
	answered_on: [
		'The day it was answered; empty if never.',
		'Le jour de la réponse ; vide si aucune.'
	],
	in_touch: [
		'In touch in the last two weeks: 1 yes, 0 no.',
		'En contact dans les deux dernières semaines : 1 oui, 0 non.'
	],
	going: [
		'How it is going, 1 (badly) – 5 (very well).',
		'Comment ça se passe, de 1 (mal) à 5 (très bien).'
	],
	wants_contact: [
		'Would like the coordinator to contact them: 1 yes, 0 no.',
		'Souhaite que la personne coordonnatrice la contacte : 1 oui, 0 non.'
	]
};

const OUTCOMES: Meanings = {
	program: PROGRAM,
	pair: PAIR,
	participant: PERSON,
	role: CHECK_INS.role!,
	months: [
		'Months after the program’s end (3, 6, 12 unless the program chose others).',
		'Mois après la fin du programme (3, 6, 12 sauf autre choix du programme).'
	],
	due_on: CHECK_INS.due_on!,
	answered_on: CHECK_INS.answered_on!,
	work: [
		'Protégé’s work now: employed_in_field, employed_other_field, looking, not_looking, studying.',
		'Travail de la personne mentorée : employed_in_field, employed_other_field, looking, not_looking, studying.'
	],
	found_through: [
		'Protégé at work: how they found the job: program, mentor, referral, other.',
		'Personne mentorée en emploi : comment elle l’a trouvé : program, mentor, referral, other.'
	],
	in_touch: [
		'Mentor still in touch with the mentee: 1 yes, 0 no.',
		'Mentor toujours en contact avec la personne mentorée : 1 oui, 0 non.'
	]
};

export const CODEBOOK_COLUMNS = [
	'dataset',
	'variable',
	'meaning_en',
	'meaning_fr',
	'construct',
	'wave',
	'type',
	'direction',
	'critical',
	'follows',
	'values'
];

/** The program's instrument versions, one document each, in the order their rounds opened. */
async function programDocuments(db: DbOrTx, program: Program): Promise<InstrumentDocument[]> {
	const rounds = await db
		.selectFrom('rounds')
		.selectAll()
		.where('program_id', '=', program.id)
		.orderBy('opens_on')
		.orderBy('created_at')
		.execute();
	const seen = new Set<string>();
	const documents: InstrumentDocument[] = [];
	for (const round of rounds) {
		if (seen.has(round.instrument_version_id)) continue;
		seen.add(round.instrument_version_id);
		documents.push(await roundDocument(db, round));
	}
	return documents;
}

/** An item's options as "value = label" in every language, " | " between options. */
function optionWords(item: ItemDocument, languages: readonly string[]): string | null {
	if (item.number)
		return `${item.number.min}–${item.number.max} ${languages
			.map((l) => item.number!.unit[l])
			.filter(Boolean)
			.join(' / ')}`;
	if (!item.options?.length) return null;
	return item.options
		.map((option) => {
			const label = languages
				.map((l) => option.label[l])
				.filter(Boolean)
				.join(' / ');
			return `${option.value} = ${label}${option.missing ? ' (missing)' : ''}`;
		})
		.join(' | ');
}

/**
 * What every column of the research files holds, and every question of the program's surveys:
 * its topic, wave, type, direction, options and, in further columns, its wording for each role in
 * each language (`wording_protege_fr`…).
 */
export async function codebookTable(db: DbOrTx, program: Program): Promise<ExportTable> {
	const documents = await programDocuments(db, program);
	const languages = [...new Set(documents.flatMap((d) => d.languages))];
	const roles = ['protege', 'mentor', 'employer', 'staff'] as const;
	const wordingColumns = roles.flatMap((role) => languages.map((l) => `wording_${role}_${l}`));
	const constructKeys = [...new Set(documents.flatMap((d) => d.constructs.map((c) => c.key)))];
	const scores: Meanings = { ...PAIR_SCORES };
	for (const key of constructKeys)
		scores[`alignment_${key}`] = [
			`Alignment on the topic “${key}”, 0–1.`,
			`Alignement sur le sujet « ${key} », de 0 à 1.`
		];
	const datasets: [string, string[], Meanings][] = [
		['responses', RESPONSE_COLUMNS, RESPONSES],
		['pair-scores', Object.keys(scores), scores],
		['pairs', Object.keys(PAIRS), PAIRS],
		['check-ins', CHECK_IN_COLUMNS, CHECK_INS],
		['outcomes', OUTCOME_COLUMNS, OUTCOMES]
	];
	const rows: ExportTable['rows'] = [];
	for (const [dataset, columns, meanings] of datasets)
		for (const variable of columns) {
			const [en, fr] = meanings[variable] ?? ['', ''];
			rows.push({ dataset, variable, meaning_en: en, meaning_fr: fr });
		}
	const seen = new Set<string>();
	for (const document of documents)
		for (const construct of document.constructs)
			for (const item of construct.items) {
				if (seen.has(item.key)) continue;
				seen.add(item.key);
				const row: ExportTable['rows'][number] = {
					dataset: 'responses.item',
					variable: item.key,
					meaning_en: item.label?.en ?? null,
					meaning_fr: item.label?.fr ?? null,
					construct: construct.key,
					wave: item.wave,
					type: item.type,
					direction: item.direction ?? null,
					critical: item.critical ? 1 : 0,
					follows: item.follows ?? null,
					values: optionWords(item, document.languages)
				};
				for (const role of roles)
					for (const language of languages)
						row[`wording_${role}_${language}`] = item.wording[role]?.[language] ?? null;
				rows.push(row);
			}
	return { columns: [...CODEBOOK_COLUMNS, ...wordingColumns], rows };
}
