import type { ParticipantInput } from '../../src/lib/server/participants/participants';
import type { Language } from '../../src/lib/server/demo/people';
import type { Random } from '../../src/lib/server/demo/random';

const FIRST = [
	'Amina',
	'Wei',
	'Carlos',
	'Priya',
	'Olena',
	'Tariq',
	'Mei',
	'Kwame',
	'Sofia',
	'Arjun',
	'Fatima',
	'Luis',
	'Nadia',
	'Chidi',
	'Marie',
	'Jean',
	'Hana',
	'Omar',
	'Claire',
	'Diego'
];
const LAST = [
	'Okafor',
	'Zhang',
	'Rodriguez',
	'Sharma',
	'Kovalenko',
	'Haddad',
	'Nguyen',
	'Mensah',
	'Tremblay',
	'Gagnon',
	'Roy',
	'Côté',
	'Singh',
	'Diallo',
	'Pelletier',
	'Santos',
	'Ahmed',
	'Martin',
	'Bouchard',
	'Kim'
];

/** Made-up people for a bench program: names repeat (as they do), emails never. */
export function syntheticPerson(
	role: ParticipantInput['role'],
	index: number,
	random: Random,
	extra: { employerId: string | null; language?: Language }
): ParticipantInput {
	const language = extra.language ?? (random.chance(0.35) ? 'fr' : 'en');
	return {
		role,
		name: `${random.pick(FIRST)} ${random.pick(LAST)}`,
		email: `${role}-${index}@bench.example`,
		phone: null,
		language,
		occupation: role === 'employer' ? null : 'Software developer',
		employerId: extra.employerId,
		consentDate: null,
		notes: ''
	};
}
