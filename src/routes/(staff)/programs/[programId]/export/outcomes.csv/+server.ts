import { downloadExport } from '$lib/server/exports/download';

export function GET(event) {
	return downloadExport(event, 'outcomes', 'csv');
}
