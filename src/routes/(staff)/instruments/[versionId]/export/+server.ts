import { error } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { exportVersion } from '$lib/server/instruments/transfer';

export async function GET(event) {
	const staff = requireStaff(event);
	const exported = await exportVersion(
		getDb(),
		staff,
		event.params.versionId,
		event.getClientAddress()
	);
	if (!exported) error(404, 'Not found');
	return new Response(JSON.stringify(exported.document, null, '\t') + '\n', {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="tandem-survey-v${exported.number}.json"`,
			'cache-control': 'private, no-store'
		}
	});
}
