import type {
	Direction,
	ItemDocument,
	LocalizedText,
	NumberSettings,
	OptionDocument,
	Role,
	Wave
} from '../../../instruments/types';

/**
 * Shared option sets and small item builders for the default instrument. Option labels are
 * shared by every role, so they are written neutrally ("Mostly the mentor", not "Mostly me").
 */

/** English and French text. */
export function t(en: string, fr: string): LocalizedText {
	return { en, fr };
}

/** The "don't know / prefer not to say" answer: kept, but missing data for every metric. */
export function dontKnow(): OptionDocument[] {
	return [
		{
			value: 'dont_know',
			label: t("Don't know / prefer not to say", 'Je ne sais pas / je préfère ne pas répondre'),
			missing: true
		}
	];
}

/** Ordered options valued '1', '2', … in list order, then "don't know". */
function ordered(labels: [string, string][]): OptionDocument[] {
	return [
		...labels.map(([en, fr], i) => ({ value: String(i + 1), label: t(en, fr) })),
		...dontKnow()
	];
}

/** Options with slug values (for `choice` and `multi` items). */
export function slugOptions(options: [string, string, string][]): OptionDocument[] {
	return options.map(([value, en, fr]) => ({ value, label: t(en, fr) }));
}

/** 5 steps, ascending: not important … extremely important. */
export function importanceScale(): OptionDocument[] {
	return ordered([
		['Not important', 'Pas important'],
		['A little important', 'Un peu important'],
		['Fairly important', 'Assez important'],
		['Very important', 'Très important'],
		['Extremely important', 'Extrêmement important']
	]);
}

/** 5 steps, ascending: not at all … a lot. Used for "how much" questions. */
export function coverageScale(): OptionDocument[] {
	return ordered([
		['Not at all', 'Pas du tout'],
		['A little', 'Un peu'],
		['Some', 'Moyennement'],
		['Quite a lot', 'Assez'],
		['A lot', 'Beaucoup']
	]);
}

/** 5 steps, descending: earlier options mean more contact. */
export function frequencyScale(): OptionDocument[] {
	return ordered([
		['More than once a week', 'Plus d’une fois par semaine'],
		['Every week', 'Chaque semaine'],
		['Every two weeks', 'Toutes les deux semaines'],
		['Every month', 'Chaque mois'],
		['Less than once a month', 'Moins d’une fois par mois']
	]);
}

/** 5 steps, ascending: shorter … longer meetings. */
export function lengthScale(): OptionDocument[] {
	return ordered([
		['Less than 30 minutes', 'Moins de 30 minutes'],
		['About 30 minutes', 'Environ 30 minutes'],
		['About 1 hour', 'Environ 1 heure'],
		['About 1 and a half hours', 'Environ 1 heure et demie'],
		['2 hours or more', '2 heures ou plus']
	]);
}

/** 4 steps, descending: earlier options mean faster replies (more contact). */
export function replyScale(): OptionDocument[] {
	return ordered([
		['The same day', 'Le jour même'],
		['Within 1 or 2 days', 'En 1 ou 2 jours'],
		['Within a week', 'En une semaine'],
		['More than a week', 'Plus d’une semaine']
	]);
}

/** Two-sided, 5 steps, ascending: 1 = only the mentor … 5 = only the mentee. */
export function whoScale(): OptionDocument[] {
	return ordered([
		['Only the mentor', 'Seulement le mentor'],
		['Mostly the mentor', 'Surtout le mentor'],
		['Both the same', 'Les deux autant'],
		['Mostly the mentee', 'Surtout le ou la mentoré·e'],
		['Only the mentee', 'Seulement le ou la mentoré·e']
	]);
}

/** 5 steps, ascending: strongly disagree … strongly agree. */
export function agreementScale(): OptionDocument[] {
	return ordered([
		['Strongly disagree', 'Pas du tout d’accord'],
		['Disagree', 'Plutôt pas d’accord'],
		['Neither agree nor disagree', 'Ni d’accord ni pas d’accord'],
		['Agree', 'Plutôt d’accord'],
		['Strongly agree', 'Tout à fait d’accord']
	]);
}

/** 5 steps, ascending: very unlikely … very likely. */
export function likelihoodScale(): OptionDocument[] {
	return ordered([
		['Very unlikely', 'Très peu probable'],
		['Unlikely', 'Peu probable'],
		['Maybe', 'Peut-être'],
		['Likely', 'Probable'],
		['Very likely', 'Très probable']
	]);
}

/** 5 steps, ascending: more time to find a job in one's field. */
export function timeToJobScale(): OptionDocument[] {
	return ordered([
		['Before the program ends', 'Avant la fin du programme'],
		['Within 6 months', 'D’ici 6 mois'],
		['Within 1 year', 'D’ici 1 an'],
		['Within 2 years', 'D’ici 2 ans'],
		['More than 2 years', 'Plus de 2 ans']
	]);
}

/** 5 steps, ascending: how far a referral has gone (mid follow-up of the referral item). */
export function referralProgressScale(): OptionDocument[] {
	return ordered([
		['No, and it will not happen', 'Non, et ça n’arrivera pas'],
		['Not talked about yet', 'Pas encore abordé'],
		['Talked about, but not decided', 'Abordé, mais rien de décidé'],
		['Yes, it is planned', 'Oui, c’est prévu'],
		['Yes, a referral was made', 'Oui, une recommandation a été faite']
	]);
}

/** 5 steps, descending: earlier options mean more formal. */
export function formalityScale(): OptionDocument[] {
	return ordered([
		['Very formal', 'Très formel'],
		['Fairly formal', 'Plutôt formel'],
		['In between', 'Entre les deux'],
		['Fairly casual', 'Plutôt détendu'],
		['Very casual', 'Très détendu']
	]);
}

/** 5 steps, ascending: gentle … direct feedback. */
export function directnessScale(): OptionDocument[] {
	return ordered([
		['Very gentle', 'Très en douceur'],
		['Fairly gentle', 'Plutôt en douceur'],
		['In between', 'Entre les deux'],
		['Fairly direct', 'Plutôt directement'],
		['Very direct', 'Très directement']
	]);
}

/** 5 steps, ascending: very unhappy … very happy. */
export function satisfactionScale(): OptionDocument[] {
	return ordered([
		['Very unhappy', 'Très insatisfait·e'],
		['Unhappy', 'Insatisfait·e'],
		['Neither happy nor unhappy', 'Ni satisfait·e ni insatisfait·e'],
		['Happy', 'Satisfait·e'],
		['Very happy', 'Très satisfait·e']
	]);
}

/** Meeting modes (`multi`, no "don't know"). */
export function modeOptions(): OptionDocument[] {
	return slugOptions([
		['in_person', 'In person', 'En personne'],
		['video', 'Video call', 'Appel vidéo'],
		['phone', 'Phone call', 'Appel téléphonique'],
		['messages', 'Text messages or email', 'Textos ou courriels']
	]);
}

/** Hours a month, for matched `number` items (same unit pre and mid). */
export function hoursPerMonth(): NumberSettings {
	return {
		unit: t('hours a month', 'heures par mois'),
		unitOne: t('hour a month', 'heure par mois'),
		min: 0,
		max: 40,
		step: 0.5
	};
}

/** Question text per role: [English, French]. A role left out is not asked. */
export type RoleTexts = Partial<Record<Role, [string, string]>>;

export function byRole(texts: RoleTexts): Partial<Record<Role, LocalizedText>> {
	const wording: Partial<Record<Role, LocalizedText>> = {};
	for (const [role, [en, fr]] of Object.entries(texts) as [Role, [string, string]][]) {
		wording[role] = t(en, fr);
	}
	return wording;
}

interface ItemSpec {
	key: string;
	/** A short name for dashboards and reports: [English, French]. */
	label: [string, string];
	wave: Wave;
	wording: RoleTexts;
	follows?: string;
	critical?: boolean;
	hint?: [string, string];
}

function base(spec: ItemSpec, type: ItemDocument['type'], required: boolean): ItemDocument {
	const item: ItemDocument = {
		key: spec.key,
		label: t(...spec.label),
		wave: spec.wave,
		type,
		required,
		critical: spec.critical ?? false,
		wording: byRole(spec.wording)
	};
	if (spec.follows) item.follows = spec.follows;
	if (spec.hint) item.hint = t(...spec.hint);
	return item;
}

export function scaleItem(
	spec: ItemSpec & { options: OptionDocument[]; direction: Direction }
): ItemDocument {
	return { ...base(spec, 'scale', true), direction: spec.direction, options: spec.options };
}

export function choiceItem(spec: ItemSpec & { options: OptionDocument[] }): ItemDocument {
	return { ...base(spec, 'choice', true), options: spec.options };
}

export function multiItem(spec: ItemSpec & { options: OptionDocument[] }): ItemDocument {
	return { ...base(spec, 'multi', false), options: spec.options };
}

export function numberItem(spec: ItemSpec & { number: NumberSettings }): ItemDocument {
	return { ...base(spec, 'number', true), number: spec.number };
}

export function textItem(spec: ItemSpec): ItemDocument {
	return base(spec, 'text', false);
}
