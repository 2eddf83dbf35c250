/** Settings read from the environment once; README lists them. */
export interface Config {
	databasePath: string;
	port: number;
	origin: string | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	return {
		databasePath: env.DATABASE_PATH || './data/tandem.db',
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
