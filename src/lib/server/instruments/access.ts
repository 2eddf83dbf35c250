import { error, type RequestEvent } from '@sveltejs/kit';
import { requireStaff } from '../auth/guards';
import { getDb } from '../db';
import type { StaffUserRow } from '../db/schema';
import { findVersion, type VersionRef } from './instruments';
import { loadVersionDocument } from './load-document';
import type { InstrumentDocument } from '$lib/instruments/types';

/** The signed-in staff member and a version of their organization's instrument, or a 404. */
export async function requireVersion(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>
): Promise<{ staff: StaffUserRow; version: VersionRef; document: InstrumentDocument }> {
	const staff = requireStaff(event);
	const db = getDb();
	const version = await findVersion(
		db,
		staff.organization_id,
		(event.params as { versionId: string }).versionId
	);
	if (!version) error(404, 'Not found');
	const document = await loadVersionDocument(db, version.id);
	if (!document) error(404, 'Not found');
	return { staff, version, document };
}
