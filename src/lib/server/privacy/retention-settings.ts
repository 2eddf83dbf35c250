import type { Db, DbOrTx } from '../db';
import type { Actor } from '../instruments/instruments';
import { changeOrganizationSetting } from '../organizations/organization-settings';

/** Null: participants are kept until someone erases them by hand. */
export async function retentionMonths(db: DbOrTx, organizationId: string): Promise<number | null> {
	const row = await db
		.selectFrom('organizations')
		.select('retention_months')
		.where('id', '=', organizationId)
		.executeTakeFirstOrThrow();
	return row.retention_months;
}

export async function setRetentionMonths(
	db: Db,
	actor: Actor,
	months: number | null,
	ip: string | null
): Promise<void> {
	await changeOrganizationSetting(
		db,
		actor,
		{ setting: 'retention_months', value: months, action: 'retention.changed' },
		ip
	);
}
