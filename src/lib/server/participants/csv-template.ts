import { stringify } from 'csv-stringify/sync';
import { templateHeader } from './csv-columns';

const EXAMPLES = {
	en: [
		[
			'mentor',
			'Alex Martin',
			'alex.martin@example.org',
			'514-555-0101',
			'en',
			'Software developer',
			'Acme Inc',
			'2027-01-15',
			''
		],
		[
			'protege',
			'Zoë Bélanger-Côté',
			'zoe.belanger@example.org',
			'',
			'fr',
			'Nurse, intensive care',
			'',
			'2027-01-16',
			'Available evenings'
		],
		[
			'employer',
			'Priya Raman',
			'priya.raman@example.com',
			'',
			'en',
			'HR manager',
			'Acme Inc',
			'2027-01-10',
			''
		]
	],
	fr: [
		[
			'mentor',
			'Alex Martin',
			'alex.martin@example.org',
			'514-555-0101',
			'en',
			'Développeur logiciel',
			'Acme Inc',
			'2027-01-15',
			''
		],
		[
			'protégé',
			'Zoë Bélanger-Côté',
			'zoe.belanger@example.org',
			'',
			'fr',
			'Infirmière, soins intensifs',
			'',
			'2027-01-16',
			'Disponible le soir'
		],
		[
			'employeur',
			'Priya Raman',
			'priya.raman@example.com',
			'',
			'en',
			'Gestionnaire RH',
			'Acme Inc',
			'2027-01-10',
			''
		]
	]
} as const;

/** Capacity, field and other languages of the examples: the program's own fields, so it imports. */
function matchingExamples(locale: 'en' | 'fr', fields: readonly string[]): string[][] {
	const [spanish, arabic] = locale === 'fr' ? ['espagnol', 'arabe, es'] : ['Spanish', 'Arabic, es'];
	return [
		['2', fields[0] ?? '', spanish],
		['', fields[1] ?? fields[0] ?? '', arabic],
		['', '', '']
	];
}

/**
 * The downloadable template: a byte order mark so Excel reads the accents as UTF-8, CRLF line
 * ends as Excel writes them, and the delimiter the reader's Excel expects (French-locale Excel
 * splits on semicolons and would put a comma file in one column).
 */
export function participantTemplate(
	locale: 'en' | 'fr',
	delimiter: ',' | ';',
	fields: readonly string[] = []
): string {
	const matching = matchingExamples(locale, fields);
	const rows = [
		templateHeader(locale),
		...EXAMPLES[locale].map((row, i) => [...row, ...matching[i]!])
	];
	return '\uFEFF' + stringify(rows, { delimiter, record_delimiter: 'windows' });
}
