import type { RunningServer } from '../helpers/server';
import { startServer } from '../helpers/server';
import type { Engine } from './bench-database';
import type { Measure } from './report';
import { CONNECTIONS, measureSavesAcross, type Saver } from './save-load';

/**
 * Saves per second from one server process, then on PostgreSQL from two processes on the same
 * database with the people split between them, back to back so both meet the same database.
 * Informative, no budget: on PostgreSQL every transaction takes the one advisory lock
 * (db/open-postgres.ts), so a second process adds CPU but not a second writer.
 */
export async function measureSavesPerProcess(
	engine: Engine,
	server: RunningServer,
	savers: Saver[],
	form: string,
	log: (message: string) => void
): Promise<Measure[]> {
	const measure = (processes: 1 | 2, value: number | null): Measure => ({
		measure: processes === 1 ? 'saves_per_s_1_process' : 'saves_per_s_2_processes',
		value,
		unit: 'saves/s',
		budget: null,
		kind: 'at_least',
		what:
			value === null
				? 'measured on PostgreSQL only'
				: `saves per second, ${processes === 1 ? 'one server process' : 'two server processes on one database'}, ${CONNECTIONS} connections in all`
	});
	log(`Saves per second from one server process…`);
	const one = await measureSavesAcross([{ url: server.url, savers }], form);
	if (engine !== 'postgres') return [measure(1, one), measure(2, null)];

	log('Saves per second from two server processes on the same database…');
	const second = await startServer({
		databasePath: server.databasePath,
		env: { TANDEM_SCHEDULER: 'off' }
	});
	try {
		const half = Math.ceil(savers.length / 2);
		const two = await measureSavesAcross(
			[
				{ url: server.url, savers: savers.slice(0, half) },
				{ url: second.url, savers: savers.slice(half) }
			],
			form
		);
		return [measure(1, one), measure(2, two)];
	} finally {
		await second.stop();
	}
}
