import type { Db } from '../db';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../instruments/instruments';
import { createEmployer, findEmployer, renameEmployer, setEmployerArchived } from './employers';

export type EmployerChange =
	| { kind: 'create'; name: string }
	| { kind: 'rename'; id: string; name: string }
	| { kind: 'archive' | 'restore'; id: string };

/** False when the employer is not this organization's (the caller answers 404). */
export async function changeEmployer(
	db: Db,
	actor: Actor,
	change: EmployerChange,
	ip: string | null
): Promise<boolean> {
	return db.transaction().execute(async (tx) => {
		let id: string;
		if (change.kind === 'create') {
			id = await createEmployer(tx, actor.organization_id, change.name);
		} else {
			if (!(await findEmployer(tx, actor.organization_id, change.id))) return false;
			id = change.id;
			if (change.kind === 'rename') await renameEmployer(tx, id, change.name);
			else await setEmployerArchived(tx, id, change.kind === 'archive');
		}
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action:
				change.kind === 'create'
					? 'employer.created'
					: change.kind === 'archive'
						? 'employer.archived'
						: 'employer.updated',
			targetType: 'employer',
			targetId: id,
			ip
		});
		return true;
	});
}

/** Each employer's contacts (employer-role participants, any program), by employer id. */
export async function employerContacts(
	db: Db,
	organizationId: string
): Promise<Map<string, string[]>> {
	const rows = await db
		.selectFrom('participants')
		.select(['employer_id', 'name'])
		.where('organization_id', '=', organizationId)
		.where('role', '=', 'employer')
		.where('employer_id', 'is not', null)
		.orderBy('name')
		.execute();
	const contacts = new Map<string, string[]>();
	for (const row of rows)
		contacts.set(row.employer_id!, [...(contacts.get(row.employer_id!) ?? []), row.name]);
	return contacts;
}
