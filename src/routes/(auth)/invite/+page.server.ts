import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { INVITATION_COOKIE, dropLinkToken, heldLinkToken } from '$lib/server/auth/link-cookie';
import { hashPassword } from '$lib/server/auth/password';
import { startStaffSession } from '$lib/server/auth/start-session';
import { getDb } from '$lib/server/db';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { acceptInvitationSchema } from '$lib/server/forms/schemas';
import { acceptInvitation, findInvitation } from '$lib/server/staff/invitations';

export async function load({ cookies }) {
	const invitation = await findInvitation(getDb(), heldLinkToken(cookies, INVITATION_COOKIE));
	if (!invitation) error(410, 'Link no longer works');
	const { organizationName, email, name, role } = invitation;
	return { organizationName, email, name, role };
}

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request, acceptInvitationSchema, ['name']);
		if (!form.ok) return form.failure;
		const db = getDb();
		const result = await acceptInvitation(
			db,
			heldLinkToken(event.cookies, INVITATION_COOKIE),
			{ name: form.data.name, passwordHash: await hashPassword(form.data.password) },
			event.getClientAddress()
		);
		if (!result.ok && result.reason === 'link_unusable') error(410, 'Link no longer works');
		if (!result.ok) return fieldFailure(400, 'form', m.error_email_taken());
		dropLinkToken(event.cookies, event.url, INVITATION_COOKIE);
		await startStaffSession(db, event, result.staffId);
		redirect(303, '/');
	}
};
