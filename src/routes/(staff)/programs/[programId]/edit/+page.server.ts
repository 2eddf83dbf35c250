import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { programSchema } from '$lib/server/forms/program-schemas';
import { readForm } from '$lib/server/forms/read-form';
import { requireProgram } from '$lib/server/programs/access';
import { updateProgramAs } from '$lib/server/programs/program-actions';
import { languageOptions as programLanguageOptions } from '$lib/server/programs/program-languages';
import { PROGRAM_FIELDS, programFormValues } from '$lib/server/programs/program-form';
import { programToInput } from '$lib/server/programs/programs';

export async function load(event) {
	const { program, staff } = await requireProgram(event);
	const languageOptions = await programLanguageOptions(getDb(), staff.organization_id);
	return { values: programFormValues(programToInput(program)), languageOptions };
}

export const actions = {
	default: async (event) => {
		const { staff, program } = await requireProgram(event);
		const form = await readForm(event.request, programSchema, PROGRAM_FIELDS);
		if (!form.ok) return form.failure;
		await updateProgramAs(getDb(), staff, program, form.data, event.getClientAddress());
		redirectWithFlash(event.cookies, `/programs/${program.id}`, { kind: 'program_saved' });
	}
};
