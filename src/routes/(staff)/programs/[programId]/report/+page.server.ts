import { requireProgram } from '$lib/server/programs/access';
import { getDb } from '$lib/server/db';
import { programReport } from '$lib/server/reports/program-report';

// A page to print: every figure is in the HTML, and it needs no script.
export const csr = false;

export async function load(event) {
	const { program } = await requireProgram(event);
	return {
		program: {
			id: program.id,
			name: program.name,
			startDate: program.start_date,
			endDate: program.end_date
		},
		report: await programReport(getDb(), program)
	};
}
