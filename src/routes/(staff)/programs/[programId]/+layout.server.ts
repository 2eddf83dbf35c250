import { requireProgram } from '$lib/server/programs/access';

export async function load(event) {
	const { program } = await requireProgram(event);
	return { program: { id: program.id, name: program.name, status: program.status } };
}
