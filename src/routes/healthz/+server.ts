import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';

export async function GET() {
	try {
		await sql`select 1`.execute(getDb());
		return json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		console.error('[tandem] health check failed:', error);
		return json(
			{ status: 'unavailable' },
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
}
