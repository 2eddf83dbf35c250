import { todayIn } from '$lib/time/days';
import type { Db, DbOrTx } from '../db';
import type { Actor } from '../instruments/instruments';
import { changeOrganizationSetting } from './organization-settings';

/** The IANA zone in which the organization's days, and so its rounds, begin and end. */
export async function organizationTimeZone(db: DbOrTx, organizationId: string): Promise<string> {
	const row = await db
		.selectFrom('organizations')
		.select('time_zone')
		.where('id', '=', organizationId)
		.executeTakeFirstOrThrow();
	return row.time_zone;
}

/** "Today" where the organization works. */
export async function organizationToday(
	db: DbOrTx,
	organizationId: string,
	now = Date.now()
): Promise<string> {
	return todayIn(await organizationTimeZone(db, organizationId), now);
}

/** `zone` must already be checked against the IANA list (forms/organization-schemas.ts). */
export async function setOrganizationTimeZone(
	db: Db,
	actor: Actor,
	zone: string,
	ip: string | null
): Promise<void> {
	await changeOrganizationSetting(
		db,
		actor,
		{ setting: 'time_zone', value: zone, action: 'organization.time_zone_changed' },
		ip
	);
}
