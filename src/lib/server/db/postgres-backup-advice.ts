// What `npm run backup` tells the operator of a PostgreSQL installation: it copies SQLite files
// only, so it prints the pg_dump and pg_restore commands for this database instead.

/**
 * The address as libpq (pg_dump, psql) reads it, without the password in any of the places node-pg
 * takes one from. node-pg's `ssl=true` is not a libpq parameter: it becomes `sslmode=require`.
 */
export function addressWithoutPassword(databaseUrl: string): URL {
	const address = new URL(databaseUrl);
	address.password = '';
	address.searchParams.delete('password');
	const ssl = address.searchParams.get('ssl');
	address.searchParams.delete('ssl');
	if (ssl && !['0', 'false', 'no'].includes(ssl) && !address.searchParams.has('sslmode'))
		address.searchParams.set('sslmode', 'require');
	return address;
}

/** A word as a POSIX shell reads it back unchanged: quoted unless it holds only safe characters. */
export function shellWord(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function databaseName(address: URL): string {
	return decodeURIComponent(address.pathname.slice(1)) || decodeURIComponent(address.username);
}

function withDatabase(address: URL, name: string): URL {
	const other = new URL(address);
	other.pathname = `/${encodeURIComponent(name)}`;
	return other;
}

export interface PostgresBackupCommands {
	dump: string;
	createEmpty: string;
	restore: string;
	/** The database `restore` fills: a new one beside the current, which stays as it was. */
	restoredDatabase: string;
}

/** The commands that back up the database at `databaseUrl` to `file` and restore that file. */
export function postgresBackupCommands(databaseUrl: string, file: string): PostgresBackupCommands {
	const address = addressWithoutPassword(databaseUrl);
	const restoredDatabase = `${databaseName(address)}_restored`;
	const restoreAddress = withDatabase(address, restoredDatabase);
	return {
		dump: `pg_dump --format=custom --file=${shellWord(file)} --dbname=${shellWord(address.href)}`,
		createEmpty: `createdb --maintenance-db=${shellWord(address.href)} ${shellWord(restoredDatabase)}`,
		// Into an empty database, in one transaction: it fails whole or restores whole. The tables
		// belong to the role that restores them, so the backup moves to another server or role.
		restore:
			`pg_restore --single-transaction --no-owner --no-privileges ` +
			`--dbname=${shellWord(restoreAddress.href)} ${shellWord(file)}`,
		restoredDatabase
	};
}

/** The ~/.pgpass line (host:port:database:user:password) for this server and role, both databases. */
function passFileLine(address: URL): string {
	const field = (value: string) => value.replace(/[\\:]/g, '\\$&');
	const host = address.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost';
	const user = decodeURIComponent(address.username);
	return `${field(host)}:${address.port || '5432'}:*:${user ? field(user) : '*'}:YOUR_PASSWORD`;
}

/** The message `npm run backup -- FILE` prints, with no backup made, when DATABASE_URL is set. */
export function postgresBackupAdvice(databaseUrl: string, file: string): string {
	const commands = postgresBackupCommands(databaseUrl, file);
	const address = addressWithoutPassword(databaseUrl);
	return `No backup was made: DATABASE_URL is set, so Tandem keeps its data in PostgreSQL, and
npm run backup copies SQLite files only.

Back up PostgreSQL with pg_dump (or with your provider's backups and point-in-time recovery).
It takes one consistent snapshot while Tandem runs; nobody has to stop working:

  ${commands.dump}

To restore that file, create a new, empty database (with createdb as below, or in your
provider's console) and restore into it; then set DATABASE_URL to it wherever Tandem runs (the
server and its cron jobs) and restart them. The current database stays as it was:

  ${commands.createEmpty}
  ${commands.restore}

These commands ask for the password. To run them unattended (from cron), set PGPASSWORD in their
environment or add this line to ~/.pgpass (chmod 600), with the real password:

  ${passFileLine(address)}

Use pg_dump and pg_restore of the server's major version or newer (pg_dump --version).`;
}
