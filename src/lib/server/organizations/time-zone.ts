import { todayIn } from '$lib/time/days';
import type { Db, DbOrTx } from '../db';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../instruments/instruments';

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
	await db.transaction().execute(async (tx) => {
		const before = await organizationTimeZone(tx, actor.organization_id);
		if (before === zone) return;
		await tx
			.updateTable('organizations')
			.set({ time_zone: zone })
			.where('id', '=', actor.organization_id)
			.execute();
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: 'organization.time_zone_changed',
			targetType: 'organization',
			targetId: actor.organization_id,
			detail: { from: before, to: zone },
			ip
		});
	});
}
