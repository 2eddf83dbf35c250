import { runCli } from './cli';

/** `npm run backup -- FILE` as an operator types it, against the running server's database. */
export async function runBackupCommand(
	databasePath: string,
	target: string
): Promise<{ code: number | null; output: string }> {
	const run = await runCli('backup', [target], { DATABASE_PATH: databasePath });
	return { code: run.status, output: run.output };
}
