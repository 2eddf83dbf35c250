import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type MigrationModule = { up: Migration['up']; down?: Migration['down'] };

/** Turns `{ '/migrations/2026_…_create_x.ts': module }` into Kysely migrations named by file. */
export function providerFromModules(modules: Record<string, MigrationModule>): MigrationProvider {
	const migrations: Record<string, Migration> = {};
	for (const [path, module] of Object.entries(modules)) {
		const name = path
			.split('/')
			.pop()!
			.replace(/\.[jt]s$/, '');
		migrations[name] = { up: module.up, down: module.down };
	}
	return { getMigrations: async () => migrations };
}

export class MigrationFailedError extends Error {}

export async function migrateToLatest(
	db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
	provider: MigrationProvider,
	log: (line: string) => void = () => {},
	/** The caller has begun a transaction on `db`'s one connection: run inside it, not in one's own. */
	{ inOpenTransaction = false }: { inOpenTransaction?: boolean } = {}
): Promise<void> {
	const migrator = new Migrator({ db, provider, disableTransactions: inOpenTransaction });
	const { error, results } = await migrator.migrateToLatest();
	for (const result of results ?? []) {
		if (result.status === 'Success') log(`migration ${result.migrationName} applied`);
		if (result.status === 'Error') log(`migration ${result.migrationName} FAILED`);
	}
	if (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new MigrationFailedError(`Database migration failed: ${reason}`, { cause: error });
	}
}
