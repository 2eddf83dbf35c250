import { expect, test } from '@playwright/test';
import { recordAudit } from '../../src/lib/server/audit/audit';
import { changePairStatus } from '../../src/lib/server/pairs/pair-actions';
import { createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { addTestPair, createTestProgram } from '../helpers/programs';
import { serverWithDatabase, shoot, signIn, signInNewAdmin } from './helpers';

const spec = serverWithDatabase();

test('an administrator reads and filters the audit log on a desktop and a phone', async ({
	browser
}) => {
	const { server, db } = spec;
	const { page, staff } = await signInNewAdmin(browser, server, db);
	await expect(page.getByRole('link', { name: 'Audit log' })).toBeVisible();
	const program = await createTestProgram(db, staff, { name: 'Spring 2027 IT cohort' });
	const pair = await addTestPair(db, staff, program, '192.0.2.10');
	const created = await db
		.selectFrom('pairs')
		.selectAll()
		.where('id', '=', pair.pairId)
		.executeTakeFirstOrThrow();
	await changePairStatus(
		db,
		staff,
		created,
		{ status: 'paused', reason: 'Holidays' },
		'192.0.2.10'
	);
	await recordAudit(db, {
		organizationId: staff.organization_id,
		actorStaffId: null,
		action: 'signin.failed',
		targetType: 'staff',
		targetId: staff.id,
		detail: { email: 'amelie@example.org' },
		ip: '198.51.100.23'
	});

	await page.getByRole('link', { name: 'Audit log' }).click();
	await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
	await expect(page.getByTestId('audit-row').first()).toContainText('Sign-in failed');
	await shoot(page, 'audit-1280', { fullPage: true });

	await page.getByLabel('Action').selectOption({ label: 'Pair status changed' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page.getByTestId('audit-row')).toHaveCount(1);
	await expect(page.getByTestId('audit-row')).toContainText('mentor 1 with protege 1');
	await shoot(page, 'audit-1280-filtered');

	const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
	await phone.context().addCookies(await page.context().cookies());
	await phone.goto(`${server.url}/admin/audit?from=2027-03-02&to=2027-03-01`);
	await expect(phone.getByRole('alert')).toContainText('The end date must be the same');
	await shoot(phone, 'audit-390-error');
	await phone.goto(`${server.url}/admin/audit`);
	await shoot(phone, 'audit-390', { fullPage: true });
	const width = await phone.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(390);
});

test('hovering a link to a pair records no view; opening the page records one, adding a note none', async ({
	browser
}) => {
	const { server, db } = spec;
	const email = 'hugo@example.org';
	await createOrganizationWithStaff(db, 'Hover test', [{ email, role: 'coordinator' }]);
	const staff = await staffByEmail(db, email);
	const program = await createTestProgram(db, staff, { name: 'Hover cohort' });
	const pair = await addTestPair(db, staff, program);
	const views = async () =>
		(
			await db
				.selectFrom('audit_log')
				.select('id')
				.where('action', '=', 'pair.answers_viewed')
				.where('target_id', '=', pair.pairId)
				.execute()
		).length;

	const page = await signIn(browser, server, email);
	await page.goto(`${server.url}/programs/${program.id}`);
	const dataRequests: string[] = [];
	page.on('request', (request) => {
		if (request.url().includes('/__data.json')) dataRequests.push(request.url());
	});
	const link = page.getByRole('link', { name: 'mentor 1 with protege 1' }).first();
	await link.hover();
	await page.waitForTimeout(1000); // SvelteKit preloads on hover after about 20 ms
	expect(await views()).toBe(0);
	expect(dataRequests).toEqual([]);

	await link.click();
	await expect(page.getByRole('heading', { name: 'mentor 1 and protege 1' })).toBeVisible();
	await expect.poll(views).toBe(1);
	await page.getByText('Add a note').click();
	await page.getByLabel('New note').fill('Called them both.');
	await page.getByRole('button', { name: 'Add note' }).click();
	await expect(page.getByText('Note added.')).toBeVisible();
	expect(await views()).toBe(1);
});
