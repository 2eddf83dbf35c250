import type { RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '../db';
import { requireProgram } from '../programs/access';
import { attachment, separatorOf } from './attachment';
import { exportProgram, type Dataset, type ExportFormat } from './program-export';

/** The GET handler of one export: the program's own staff only, never cached, always audited. */
export async function downloadExport(
	event: RequestEvent,
	dataset: Dataset,
	format: ExportFormat
): Promise<Response> {
	const { staff, program } = await requireProgram(event);
	const separator = separatorOf(event.url);
	const file = await exportProgram(
		getDb(),
		staff,
		program,
		{ dataset, format, separator, language: getLocale() },
		event.getClientAddress()
	);
	return attachment(file);
}
