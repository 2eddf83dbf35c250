import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { probeWrites } from '$lib/server/db/write-probe';

const NO_STORE = { 'cache-control': 'no-store' };

/** 200 while the database can store answers; 503 when it cannot (full disk, failing volume). */
export async function GET() {
	let writable = false;
	try {
		writable = (await probeWrites(getDb())).writable;
	} catch (error) {
		console.error('[tandem] health check failed:', error);
	}
	return writable
		? json({ status: 'ok' }, { headers: NO_STORE })
		: json({ status: 'unavailable' }, { status: 503, headers: NO_STORE });
}
