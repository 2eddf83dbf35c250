import type { Db, DbOrTx } from '../db';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../instruments/instruments';

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
	await db.transaction().execute(async (tx) => {
		const before = await retentionMonths(tx, actor.organization_id);
		if (before === months) return;
		await tx
			.updateTable('organizations')
			.set({ retention_months: months })
			.where('id', '=', actor.organization_id)
			.execute();
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: 'retention.changed',
			targetType: 'organization',
			targetId: actor.organization_id,
			detail: { from: before, to: months },
			ip
		});
	});
}
