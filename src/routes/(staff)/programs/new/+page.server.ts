import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { programSchema } from '$lib/server/forms/program-schemas';
import { readForm } from '$lib/server/forms/read-form';
import { organizationToday } from '$lib/server/organizations/time-zone';
import { createProgramAs } from '$lib/server/programs/program-actions';
import { languageOptions as programLanguageOptions } from '$lib/server/programs/program-languages';
import {
	PROGRAM_FIELDS,
	newProgramValues,
	programFormValues
} from '$lib/server/programs/program-form';

export async function load(event) {
	const staff = requireStaff(event);
	const [today, languageOptions] = await Promise.all([
		organizationToday(getDb(), staff.organization_id),
		programLanguageOptions(getDb(), staff.organization_id)
	]);
	return { values: programFormValues(newProgramValues(today)), languageOptions };
}

export const actions = {
	default: async (event) => {
		const staff = requireStaff(event);
		const form = await readForm(event.request, programSchema, PROGRAM_FIELDS);
		if (!form.ok) return form.failure;
		const id = await createProgramAs(getDb(), staff, form.data, event.getClientAddress());
		redirectWithFlash(event.cookies, `/programs/${id}`, { kind: 'program_created' });
	}
};
