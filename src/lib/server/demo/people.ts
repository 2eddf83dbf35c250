import type { Random } from './random';

export type Language = 'en' | 'fr';

interface NameGroup {
	language: Language;
	first: string[];
	last: string[];
}

/** Newcomers from many countries; French speakers come mostly from the Maghreb, West Africa and Haiti. */
const NEWCOMERS: NameGroup[] = [
	{
		language: 'en',
		first: ['Priya', 'Arjun', 'Kavya', 'Rohan', 'Ananya', 'Vikram'],
		last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta']
	},
	{
		language: 'en',
		first: ['Maria Luisa', 'Jose', 'Angelica', 'Mark Anthony'],
		last: ['Santos', 'Reyes', 'Dela Cruz', 'Bautista']
	},
	{
		language: 'en',
		first: ['Chinedu', 'Adaeze', 'Oluwaseun', 'Funmilayo', 'Emeka'],
		last: ['Okafor', 'Adeyemi', 'Nwosu', 'Balogun']
	},
	{
		language: 'en',
		first: ['Wei', 'Li Na', 'Jun', 'Xiaoming', 'Mei'],
		last: ['Zhang', 'Wang', 'Liu', 'Chen']
	},
	{
		language: 'en',
		first: ['Shirin', 'Reza', 'Nasrin', 'Dariush'],
		last: ['Ahmadi', 'Karimi', 'Rahimi', 'Tehrani']
	},
	{
		language: 'en',
		first: ['Camila', 'Andrés', 'Valentina', 'Diego', 'Luana'],
		last: ['García', 'Rodríguez', 'Oliveira', 'Pereira']
	},
	{
		language: 'en',
		first: ['Olena', 'Dmytro', 'Iryna', 'Taras'],
		last: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Melnyk']
	},
	{
		language: 'en',
		first: ['Ayesha', 'Bilal', 'Thi Lan', 'Minh'],
		last: ['Khan', 'Qureshi', 'Nguyen', 'Tran']
	},
	{
		language: 'fr',
		first: ['Yassine', 'Imane', 'Karim', 'Nour', 'Samira', 'Rachid'],
		last: ['Benali', 'El Amrani', 'Bouzid', 'Mansouri', 'Haddad']
	},
	{
		language: 'fr',
		first: ['Aminata', 'Moussa', 'Fatou', 'Jean-Baptiste', 'Grâce', 'Ibrahima'],
		last: ['Diallo', 'Ndiaye', 'Traoré', 'Mbemba', 'Kouassi']
	},
	{
		language: 'fr',
		first: ['Jean-Robert', 'Widline', 'Stéphanie', 'Wilner'],
		last: ['Joseph', 'Pierre', 'Charles', 'Célestin']
	},
	{
		language: 'fr',
		first: ['Rami', 'Lina', 'Omar', 'Yara'],
		last: ['Khoury', 'Nassar', 'Saleh', 'Abou Jaoudé']
	}
];

/** Volunteers already working in Canada: English and French Canadians of many origins. */
const MENTORS: NameGroup[] = [
	{
		language: 'en',
		first: ['Sarah', 'Michael', 'Jennifer', 'David', 'Emily', 'Ryan', 'Laura', 'Megan'],
		last: ['Thompson', 'MacDonald', 'Campbell', 'Wilson', 'Murray', "O'Brien", 'Fraser', 'Bennett']
	},
	{
		language: 'en',
		first: ['Heather', 'Scott', 'Colleen', 'Brian', 'Shannon'],
		last: ['Robertson', 'Kelly', 'Stewart', 'Sullivan', 'Graham']
	},
	{ language: 'en', first: ['Harpreet', 'Ravi', 'Simran'], last: ['Gill', 'Singh', 'Sandhu'] },
	{ language: 'en', first: ['Grace', 'Jason', 'Kevin'], last: ['Kim', 'Wong', 'Chan'] },
	{ language: 'en', first: ['Tomasz', 'Nadia', 'Andrei'], last: ['Nowak', 'Petrov', 'Kowalski'] },
	{ language: 'en', first: ['Kwame', 'Abena'], last: ['Mensah', 'Owusu'] },
	{ language: 'en', first: ['Lucia', 'Marco'], last: ['Moretti', 'Silva'] },
	{
		language: 'fr',
		first: ['Geneviève', 'Mathieu', 'Isabelle', 'François', 'Chantal', 'Étienne', 'Julie'],
		last: ['Tremblay', 'Gagnon', 'Bouchard', 'Côté', 'Lavoie', 'Pelletier', 'Bélanger', 'Girard']
	}
];

export interface DrawnPerson {
	name: string;
	email: string;
	language: Language;
}

/** "Jean-Baptiste Abou Jaoudé" → "jean-baptiste.aboujaoude". */
export function emailName(first: string, last: string): string {
	const plain = (s: string) =>
		s
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase();
	return `${plain(first).replace(/[^a-z-]/g, '')}.${plain(last).replace(/[^a-z-]/g, '')}`;
}

/** Draws people whose names never repeat within one demo. */
export class PeopleDrawer {
	readonly #used = new Set<string>();

	constructor(private readonly random: Random) {}

	/** About one person in three speaks French. */
	#draw(groups: NameGroup[], domain: string): DrawnPerson {
		const language: Language = this.random.chance(0.35) ? 'fr' : 'en';
		const choices = groups.filter((g) => g.language === language);
		for (;;) {
			const group = this.random.pick(choices);
			const first = this.random.pick(group.first);
			const last = this.random.pick(group.last);
			const name = `${first} ${last}`;
			if (this.#used.has(name)) continue;
			this.#used.add(name);
			return { name, email: `${emailName(first, last)}@${domain}`, language };
		}
	}

	newcomer(): DrawnPerson {
		return this.#draw(NEWCOMERS, this.random.pick(['example.com', 'example.net']));
	}

	mentor(domain = 'example.org'): DrawnPerson {
		return this.#draw(MENTORS, domain);
	}
}

export const OCCUPATIONS = {
	tech: {
		protege: [
			'Software developer',
			'Data analyst',
			'Civil engineer',
			'Electrical engineer',
			'Mechanical engineer',
			'Network administrator',
			'Quality assurance analyst',
			'IT project manager',
			'Cybersecurity analyst',
			'Business analyst',
			'Cloud engineer',
			'UX designer'
		],
		mentor: [
			'Senior software developer',
			'Engineering manager',
			'Structural engineer, P.Eng.',
			'Electrical engineer, P.Eng.',
			'Data science lead',
			'IT infrastructure manager',
			'Product manager',
			'Security architect',
			'Project engineer',
			'QA lead'
		]
	},
	health: {
		protege: [
			'Internationally trained nurse',
			'Physiotherapist',
			'Medical laboratory technologist',
			'Pharmacist',
			'Internationally trained physician',
			'Personal support worker',
			'Dental hygienist',
			'Respiratory therapist',
			'Occupational therapist',
			'Medical radiation technologist'
		],
		mentor: [
			'Registered nurse',
			'Nurse manager',
			'Physiotherapist',
			'Hospital pharmacist',
			'Laboratory supervisor',
			'Family physician',
			'Occupational therapist',
			'Clinical educator'
		]
	}
} as const;
