import type { Db } from '../db';
import { recordAudit, type AuditAction } from '../audit/audit';
import type { Organization } from '../db/schema';
import type { Actor } from '../instruments/instruments';

type Setting = 'time_zone' | 'retention_months';

/**
 * Changes one of the organization's settings and records who changed it from what to what, in
 * one transaction. Saving the value it already has changes and records nothing.
 */
export async function changeOrganizationSetting<K extends Setting>(
	db: Db,
	actor: Actor,
	change: { setting: K; value: Organization[K]; action: AuditAction },
	ip: string | null
): Promise<void> {
	const { setting, value, action } = change;
	await db.transaction().execute(async (tx) => {
		const row = await tx
			.selectFrom('organizations')
			.select([setting])
			.where('id', '=', actor.organization_id)
			.executeTakeFirstOrThrow();
		const before = (row as unknown as Pick<Organization, Setting>)[setting];
		if (before === value) return;
		await tx
			.updateTable('organizations')
			.set({ [setting]: value })
			.where('id', '=', actor.organization_id)
			.execute();
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action,
			targetType: 'organization',
			targetId: actor.organization_id,
			detail: { from: before, to: value },
			ip
		});
	});
}
