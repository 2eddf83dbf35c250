import { getDb } from '$lib/server/db';
import { requireVersion } from '$lib/server/instruments/access';
import { versionStatistics } from '$lib/server/instruments/version-statistics';

export async function load(event) {
	const { staff, version, document } = await requireVersion(event);
	const { fromVersionId, statistics } = await versionStatistics(
		getDb(),
		staff.organization_id,
		version,
		document
	);
	const from =
		fromVersionId && fromVersionId !== version.id
			? await getDb()
					.selectFrom('instrument_versions')
					.select('number')
					.where('id', '=', fromVersionId)
					.executeTakeFirst()
			: undefined;
	return { version, document, statistics, fromNumber: from?.number ?? null };
}
