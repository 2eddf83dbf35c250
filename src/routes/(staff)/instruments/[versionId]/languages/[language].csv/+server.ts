import { error } from '@sveltejs/kit';
import { getStaffLocale } from '$lib/i18n/locales';
import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { attachment, separatorOf } from '$lib/server/exports/attachment';
import { exportTranslation } from '$lib/server/instruments/translation-transfer';

export async function GET(event) {
	const staff = requireStaff(event);
	const file = await exportTranslation(
		getDb(),
		staff,
		{
			versionId: event.params.versionId,
			language: event.params.language,
			separator: separatorOf(event.url),
			headerLanguage: getStaffLocale()
		},
		event.getClientAddress()
	);
	if (!file) error(404, 'Not found');
	return attachment(file);
}
