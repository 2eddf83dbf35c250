import { error, type RequestEvent } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { changeEmployer, employerContacts } from '$lib/server/employers/employer-actions';
import { listEmployers } from '$lib/server/employers/employers';
import { employerIdSchema, employerSchema } from '$lib/server/forms/program-schemas';
import { readForm } from '$lib/server/forms/read-form';

export async function load(event) {
	const staff = requireStaff(event);
	const db = getDb();
	const [employers, contacts] = await Promise.all([
		listEmployers(db, staff.organization_id, { includeArchived: true }),
		employerContacts(db, staff.organization_id)
	]);
	return { employers: employers.map((e) => ({ ...e, contacts: contacts.get(e.id) ?? [] })) };
}

async function archive(event: RequestEvent, kind: 'archive' | 'restore') {
	const staff = requireStaff(event);
	const form = await readForm(event.request, employerIdSchema);
	if (
		!form.ok ||
		!(await changeEmployer(
			getDb(),
			staff,
			{ kind, id: form.data.employerId },
			event.getClientAddress()
		))
	) {
		error(404, 'Not found');
	}
	redirectWithFlash(event.cookies, '/employers', { kind: 'employer_saved' });
}

export const actions = {
	create: async (event) => {
		const staff = requireStaff(event);
		const form = await readForm(event.request, employerSchema, ['name']);
		if (!form.ok) return form.failure;
		await changeEmployer(
			getDb(),
			staff,
			{ kind: 'create', name: form.data.name },
			event.getClientAddress()
		);
		redirectWithFlash(event.cookies, '/employers', { kind: 'employer_saved' });
	},
	rename: async (event) => {
		const staff = requireStaff(event);
		const form = await readForm(event.request, employerSchema.extend(employerIdSchema.shape), [
			'name'
		]);
		if (!form.ok) return form.failure;
		const change = { kind: 'rename', id: form.data.employerId, name: form.data.name } as const;
		if (!(await changeEmployer(getDb(), staff, change, event.getClientAddress())))
			error(404, 'Not found');
		redirectWithFlash(event.cookies, '/employers', { kind: 'employer_saved' });
	},
	archive: (event) => archive(event, 'archive'),
	restore: (event) => archive(event, 'restore')
};
