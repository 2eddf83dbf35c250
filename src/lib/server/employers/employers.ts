import type { DbOrTx } from '../db';
import type { Employer } from '../db/schema';
import { generateId } from '../util/ids';

export async function listEmployers(
	db: DbOrTx,
	organizationId: string,
	options = { includeArchived: false }
): Promise<Employer[]> {
	let query = db.selectFrom('employers').selectAll().where('organization_id', '=', organizationId);
	if (!options.includeArchived) query = query.where('archived_at', 'is', null);
	return query.orderBy('name').execute();
}

export async function findEmployer(
	db: DbOrTx,
	organizationId: string,
	employerId: string
): Promise<Employer | null> {
	const row = await db
		.selectFrom('employers')
		.selectAll()
		.where('id', '=', employerId)
		.where('organization_id', '=', organizationId)
		.executeTakeFirst();
	return row ?? null;
}

export async function createEmployer(
	db: DbOrTx,
	organizationId: string,
	name: string,
	now = Date.now()
): Promise<string> {
	const id = generateId();
	await db
		.insertInto('employers')
		.values({ id, organization_id: organizationId, name, archived_at: null, created_at: now })
		.execute();
	return id;
}

export async function renameEmployer(db: DbOrTx, employerId: string, name: string): Promise<void> {
	await db.updateTable('employers').set({ name }).where('id', '=', employerId).execute();
}

export async function setEmployerArchived(
	db: DbOrTx,
	employerId: string,
	archived: boolean,
	now = Date.now()
): Promise<void> {
	await db
		.updateTable('employers')
		.set({ archived_at: archived ? now : null })
		.where('id', '=', employerId)
		.execute();
}

/** Employer names compare without case or surrounding spaces: "ACME Inc " is "Acme Inc". */
export function employerNameKey(name: string): string {
	return name.trim().toLocaleLowerCase('en').normalize('NFC');
}

/** True when the id is empty or names an employer of this organization. */
export async function isOwnEmployerOrNone(
	db: DbOrTx,
	organizationId: string,
	employerId: string | null
): Promise<boolean> {
	return !employerId || (await findEmployer(db, organizationId, employerId)) !== null;
}
