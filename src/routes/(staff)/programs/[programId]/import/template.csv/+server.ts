import { getLocale } from '$lib/paraglide/runtime';
import { participantTemplate } from '$lib/server/participants/csv-template';
import { requireProgram } from '$lib/server/programs/access';

export async function GET(event) {
	await requireProgram(event);
	const delimiter = event.url.searchParams.get('separator') === 'semicolon' ? ';' : ',';
	return new Response(participantTemplate(getLocale(), delimiter), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="tandem-participants.csv"'
		}
	});
}
