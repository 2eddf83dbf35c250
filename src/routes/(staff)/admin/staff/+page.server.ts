import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireAdmin } from '$lib/server/auth/guards';
import { listStaffWithTwoFactor } from '$lib/server/auth/security-admin';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import {
	changeRoleSchema,
	invitationIdSchema,
	inviteSchema,
	staffIdSchema
} from '$lib/server/forms/schemas';
import { changeStaffMember, type AdminChangeResult } from '$lib/server/staff/administration';
import {
	inviteStaff,
	listPendingInvitations,
	revokeInvitation
} from '$lib/server/staff/invitations';
import { listStaff } from '$lib/server/staff/staff';

export async function load(event) {
	const admin = requireAdmin(event);
	const db = getDb();
	const [staff, invitations, withTwoFactor] = await Promise.all([
		listStaff(db, admin.organization_id),
		listPendingInvitations(db, admin.organization_id),
		listStaffWithTwoFactor(db, admin.organization_id)
	]);
	return { staff, invitations, withTwoFactor };
}

function answer(event: RequestEvent, result: AdminChangeResult) {
	if (result === 'not_found') error(404, 'Not found');
	if (result === 'self') return fieldFailure(400, 'form', m.staff_not_self());
	redirectWithFlash(event.cookies, '/admin/staff', { kind: 'staff_saved' });
}

async function changeStatus(event: RequestEvent, status: 'active' | 'disabled') {
	const admin = requireAdmin(event);
	const form = await readForm(event.request, staffIdSchema);
	if (!form.ok) error(404, 'Not found');
	const change = { kind: 'status', status } as const;
	return answer(
		event,
		await changeStaffMember(getDb(), admin, form.data.staffId, change, event.getClientAddress())
	);
}

export const actions = {
	invite: async (event) => {
		const admin = requireAdmin(event);
		const form = await readForm(event.request, inviteSchema, ['name', 'email', 'role']);
		if (!form.ok) return form.failure;
		const result = await inviteStaff(
			getDb(),
			{ organizationId: admin.organization_id, invitedBy: admin.id, ...form.data },
			event.getClientAddress()
		);
		if (!result.ok) return fieldFailure(400, 'email', m.error_email_taken(), form.data);
		return {
			invitation: { email: form.data.email, link: `${event.url.origin}/invite/${result.token}` }
		};
	},

	revoke: async (event) => {
		const admin = requireAdmin(event);
		const form = await readForm(event.request, invitationIdSchema);
		const ip = event.getClientAddress();
		if (!form.ok || !(await revokeInvitation(getDb(), admin, form.data.invitationId, ip))) {
			error(404, 'Not found');
		}
		redirectWithFlash(event.cookies, '/admin/staff', { kind: 'staff_saved' });
	},

	role: async (event) => {
		const admin = requireAdmin(event);
		const form = await readForm(event.request, changeRoleSchema);
		if (!form.ok) return form.failure;
		const change = { kind: 'role', role: form.data.role } as const;
		return answer(
			event,
			await changeStaffMember(getDb(), admin, form.data.staffId, change, event.getClientAddress())
		);
	},

	disable: (event) => changeStatus(event, 'disabled'),
	enable: (event) => changeStatus(event, 'active')
};
