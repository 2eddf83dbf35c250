import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redeemParticipantLink } from '../../src/lib/server/auth/participant-links';
import { validateParticipantSessionToken } from '../../src/lib/server/auth/session';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { withdrawSelf } from '../../src/lib/server/privacy/self-withdrawal';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff } from '../helpers/fixtures';
import { buildPrivacyWorld, type PrivacyWorld } from '../helpers/privacy';

let t: TestDatabase;
let ana: StaffUserRow;
let world: PrivacyWorld;

beforeEach(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	ana = await t.db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	world = await buildPrivacyWorld(t.db, ana);
});
afterEach(() => t.close());

const maria = () =>
	t.db
		.selectFrom('participants')
		.selectAll()
		.where('id', '=', world.maria)
		.executeTakeFirstOrThrow();

describe('a participant stops taking part from the portal', () => {
	it('is withdrawn, her running pair ends, and no staff member is named', async () => {
		await withdrawSelf(t.db, await maria());
		expect(await maria()).toMatchObject({
			status: 'withdrawn',
			withdrawn_reason: 'The participant stopped taking part from their survey page.'
		});
		const last = await t.db
			.selectFrom('pair_status_changes')
			.select(['to_status', 'changed_by'])
			.where('pair_id', '=', world.mariaPair)
			.orderBy('changed_at', 'desc')
			.executeTakeFirstOrThrow();
		expect(last).toEqual({ to_status: 'ended_early', changed_by: null });
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'actor_staff_id', 'target_type', 'ip'])
			.where('target_id', 'in', [world.maria, world.mariaPair])
			.where('action', 'in', ['participant.self_withdrawn', 'pair.status_changed'])
			.where('actor_staff_id', 'is', null)
			.execute();
		expect(audit).toHaveLength(2);
		expect(audit).toContainEqual({
			action: 'participant.self_withdrawn',
			actor_staff_id: null,
			target_type: 'participant',
			ip: null
		});
	});

	it('makes her links and her session stop working', async () => {
		expect(await redeemParticipantLink(t.db, world.linkToken)).not.toBeNull();
		await withdrawSelf(t.db, await maria());
		expect(await redeemParticipantLink(t.db, world.linkToken)).toBeNull();
		expect(await validateParticipantSessionToken(t.db, world.sessionToken)).toBeNull();
		const links = await t.db
			.selectFrom('participant_links')
			.select('revoked_at')
			.where('participant_id', '=', world.maria)
			.execute();
		expect(links.length).toBeGreaterThan(0);
		expect(links.filter((l) => l.revoked_at === null)).toEqual([]);
	});

	it('changes nothing more when sent twice', async () => {
		await withdrawSelf(t.db, await maria());
		const first = await maria();
		await withdrawSelf(t.db, first, Date.now() + 60_000);
		expect(await maria()).toEqual(first);
		const entries = await t.db
			.selectFrom('audit_log')
			.select('id')
			.where('action', '=', 'participant.self_withdrawn')
			.execute();
		expect(entries).toHaveLength(1);
	});
});
