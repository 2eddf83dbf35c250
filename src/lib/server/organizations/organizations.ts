import { randomBytes } from 'node:crypto';
import { DEFAULT_TIME_ZONE } from '$lib/time/zones';
import type { DbOrTx } from '../db';
import type { Organization } from '../db/schema';
import { createInstrument } from '../instruments/instruments';
import { generateId } from '../util/ids';

export async function countOrganizations(db: DbOrTx): Promise<number> {
	const { count } = await db
		.selectFrom('organizations')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.executeTakeFirstOrThrow();
	return Number(count);
}

/** Call inside a transaction: the organization and its default instrument arrive together. */
export async function createOrganization(
	db: DbOrTx,
	name: string,
	now = Date.now(),
	timeZone = DEFAULT_TIME_ZONE
): Promise<Organization> {
	const organization: Organization = {
		id: generateId(),
		name,
		default_language: 'en',
		retention_months: null,
		require_two_factor: 0,
		time_zone: timeZone,
		created_at: now
	};
	// The key of its export codes (exports/pseudonyms.ts), made now so that no download writes.
	await db
		.insertInto('organizations')
		.values({ ...organization, export_secret: randomBytes(32).toString('base64url') })
		.execute();
	// Every organization starts with its own published copy of the default instrument. It is
	// loaded here, not at start-up: nine languages of texts a running server seldom needs.
	const { defaultInstrument } = await import('../instruments/default-instrument');
	await createInstrument(
		db,
		organization.id,
		defaultInstrument,
		{ status: 'published', createdBy: null },
		now
	);
	return organization;
}

export async function getOrganization(db: DbOrTx, id: string): Promise<Organization | null> {
	const row = await db
		.selectFrom('organizations')
		.select([
			'id',
			'name',
			'default_language',
			'retention_months',
			'require_two_factor',
			'time_zone',
			'created_at'
		])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ?? null;
}
