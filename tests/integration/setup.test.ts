import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	SETUP_LINK_TTL_MS,
	completeSetup,
	isSetupLinkUsable,
	issueSetupLinkIfEmpty
} from '../../src/lib/server/organizations/setup';
import { hashSecret } from '../../src/lib/server/auth/tokens';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const input = {
	organizationName: 'Accueil Nouveaux Arrivants',
	adminName: 'Amélie Tremblay',
	email: 'amelie@example.org',
	password: 'maple kettle orbit',
	timeZone: 'America/Vancouver'
};

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

describe('first-run setup link', () => {
	it('is stored only as a hash and works exactly once', async () => {
		const token = (await issueSetupLinkIfEmpty(t.db))!;
		const row = await t.db.selectFrom('one_time_tokens').selectAll().executeTakeFirstOrThrow();
		expect(row.token_hash).toBe(hashSecret(token));
		expect(JSON.stringify(row)).not.toContain(token);

		expect(await isSetupLinkUsable(t.db, token)).toBe(true);
		expect(await isSetupLinkUsable(t.db, token)).toBe(true); // looking does not use it up
		const first = await completeSetup(t.db, token, input, '127.0.0.1');
		expect(first.ok).toBe(true);
		expect(await isSetupLinkUsable(t.db, token)).toBe(false);
		const second = await completeSetup(t.db, token, { ...input, email: 'other@example.org' }, null);
		expect(second).toEqual({ ok: false, reason: 'link_unusable' });
		expect(await t.db.selectFrom('organizations').selectAll().execute()).toHaveLength(1);
	});

	it('creates the organization and its administrator, and audits it', async () => {
		const token = (await issueSetupLinkIfEmpty(t.db))!;
		const result = await completeSetup(t.db, token, input, '127.0.0.1');
		if (!result.ok) throw new Error('setup failed');
		const admin = await t.db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
		expect(admin).toMatchObject({
			role: 'admin',
			email: input.email,
			organization_id: result.organizationId
		});
		expect(admin.password_hash).toMatch(/^\$argon2id\$/);
		const audit = await t.db.selectFrom('audit_log').select('action').execute();
		expect(audit.map((a) => a.action)).toEqual(['setup.completed']);
		const organization = await t.db
			.selectFrom('organizations')
			.selectAll()
			.executeTakeFirstOrThrow();
		expect(organization.time_zone).toBe('America/Vancouver');
	});

	it('expires after 24 hours', async () => {
		const issuedAt = Date.now();
		const token = (await issueSetupLinkIfEmpty(t.db, issuedAt))!;
		expect(await isSetupLinkUsable(t.db, token, issuedAt + SETUP_LINK_TTL_MS - 1)).toBe(true);
		expect(await isSetupLinkUsable(t.db, token, issuedAt + SETUP_LINK_TTL_MS)).toBe(false);
		const late = await completeSetup(t.db, token, input, null, issuedAt + SETUP_LINK_TTL_MS + 1);
		expect(late).toEqual({ ok: false, reason: 'link_unusable' });
	});

	it('keeps only the newest printed link alive, and prints none once set up', async () => {
		const older = (await issueSetupLinkIfEmpty(t.db))!;
		const newer = (await issueSetupLinkIfEmpty(t.db))!;
		expect(await isSetupLinkUsable(t.db, older)).toBe(false);
		expect((await completeSetup(t.db, newer, input, null)).ok).toBe(true);
		expect(await issueSetupLinkIfEmpty(t.db)).toBeNull();
	});
});
