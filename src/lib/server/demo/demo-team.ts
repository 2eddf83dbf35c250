import type { Db } from '../db';
import type { InstrumentDocument } from '$lib/instruments/types';
import { hashPassword } from '../auth/password';
import { createEmployer } from '../employers/employers';
import type { Actor } from '../instruments/instruments';
import { listInstruments } from '../instruments/instruments';
import { loadVersionDocument } from '../instruments/load-document';
import { createOrganization } from '../organizations/organizations';
import { createStaffUser, setStaffLanguage } from '../staff/staff';
import type { Calendar } from './calendar';
import { TIMELINE } from './calendar';
import type { Language } from './people';
import type { ProgramKind } from './typical-answers';

/** Not a secret: printed by `npm run demo` and written in the README. */
export const DEMO_PASSWORD = 'tandem-demo';
export const DEMO_ADMIN = { name: 'Sofia Martins', email: 'sofia@maple-newcomers.example' };
const DEMO_COORDINATOR = { name: 'Mathieu Ouellet', email: 'mathieu@maple-newcomers.example' };

interface EmployerSpec {
	name: string;
	domain: string;
	program: ProgramKind;
	contact: { name: string; email: string; language: Language };
}

const EMPLOYERS: EmployerSpec[] = [
	{
		name: 'Borealis Software',
		domain: 'borealis-software.example',
		program: 'tech',
		contact: {
			name: 'Karen Mitchell',
			email: 'karen.mitchell@borealis-software.example',
			language: 'en'
		}
	},
	{
		name: 'Génitek Ingénierie',
		domain: 'genitek.example',
		program: 'tech',
		contact: { name: 'Sylvie Lemieux', email: 'sylvie.lemieux@genitek.example', language: 'fr' }
	},
	{
		name: 'Laurentia Financial',
		domain: 'laurentia-financial.example',
		program: 'tech',
		contact: {
			name: 'Ahmed Siddiqui',
			email: 'ahmed.siddiqui@laurentia-financial.example',
			language: 'en'
		}
	},
	{
		name: 'Lakeshore Health Network',
		domain: 'lakeshorehealth.example',
		program: 'health',
		contact: {
			name: 'Patricia Okoye',
			email: 'patricia.okoye@lakeshorehealth.example',
			language: 'en'
		}
	}
];

export interface DemoEmployer extends EmployerSpec {
	id: string;
}

export interface DemoTeam {
	organizationId: string;
	admin: Actor;
	coordinator: Actor;
	employers: DemoEmployer[];
	versionId: string;
	document: InstrumentDocument;
}

/** The organization with its published default instrument, two staff accounts and its employer partners. */
export async function createDemoTeam(db: Db, calendar: Calendar): Promise<DemoTeam> {
	const createdAt = calendar.at(TIMELINE.organizationCreated);
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const organization = await db
		.transaction()
		.execute((tx) => createOrganization(tx, 'Maple Newcomer Services', createdAt));
	const organizationId = organization.id;
	const staff = async (person: { name: string; email: string }, role: 'admin' | 'coordinator') => ({
		id: await createStaffUser(db, { organizationId, ...person, role, passwordHash }, createdAt),
		organization_id: organizationId
	});
	const admin = await staff(DEMO_ADMIN, 'admin');
	const coordinator = await staff(DEMO_COORDINATOR, 'coordinator');
	await setStaffLanguage(db, coordinator.id, 'fr');

	const employers: DemoEmployer[] = [];
	for (const spec of EMPLOYERS) {
		const id = await createEmployer(
			db,
			organizationId,
			spec.name,
			calendar.at(TIMELINE.employersAdded)
		);
		employers.push({ ...spec, id });
	}
	const [instrument] = await listInstruments(db, organizationId);
	const versionId = instrument!.versions.find((v) => v.status === 'published')!.id;
	const document = (await loadVersionDocument(db, versionId))!;
	return { organizationId, admin, coordinator, employers, versionId, document };
}
