import { getStaffLocale } from '$lib/i18n/locales';
import { separatorOf } from '$lib/server/exports/attachment';
import { participantTemplate } from '$lib/server/participants/csv-template';
import { requireProgram } from '$lib/server/programs/access';
import { programFields } from '$lib/server/programs/programs';

export async function GET(event) {
	const { program } = await requireProgram(event);
	const delimiter = separatorOf(event.url) === 'semicolon' ? ';' : ',';
	return new Response(participantTemplate(getStaffLocale(), delimiter, programFields(program)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="tandem-participants.csv"'
		}
	});
}
