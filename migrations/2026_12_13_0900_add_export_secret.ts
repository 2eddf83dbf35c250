import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. organizations.export_secret: the key of the keyed
// hashes (HMAC-SHA-256) that stand for people and pairs in an organization's exports, 256 random
// bits in base64url, made here for every organization (and by createOrganization for new ones), so
// that a download never writes. Without it, an export's codes cannot be traced back to anyone,
// and two organizations' codes never match.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('organizations').addColumn('export_secret', 'text').execute();
	const organizations = await db.selectFrom('organizations').select('id').execute();
	for (const { id } of organizations)
		await db
			.updateTable('organizations')
			.set({ export_secret: randomBytes(32).toString('base64url') })
			.where('id', '=', id)
			.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('organizations').dropColumn('export_secret').execute();
}
