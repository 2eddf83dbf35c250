/** Settings read from the environment once; README lists them. */
export interface Config {
	databasePath: string;
	/** A postgres:// address: PostgreSQL instead of the SQLite file at databasePath. */
	databaseUrl: string | null;
	/** Most connections the PostgreSQL pool opens. */
	databasePoolSize: number;
	port: number;
	origin: string | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	return {
		databasePath: env.DATABASE_PATH || './data/tandem.db',
		databaseUrl: env.DATABASE_URL || null,
		databasePoolSize: Number(env.DATABASE_POOL_SIZE) || 10,
		port: Number(env.PORT) || 3000,
		origin: env.ORIGIN || null
	};
}

/** Where people reach this server: ORIGIN when set, else the local address. */
export function publicOrigin(config: Config, env: NodeJS.ProcessEnv = process.env): string {
	if (config.origin) return config.origin.replace(/\/$/, '');
	const host = env.HOST && env.HOST !== '0.0.0.0' && env.HOST !== '::' ? env.HOST : 'localhost';
	return `http://${host}:${config.port}`;
}
