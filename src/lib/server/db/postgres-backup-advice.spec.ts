import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
	addressWithoutPassword,
	postgresBackupAdvice,
	postgresBackupCommands,
	shellWord
} from './postgres-backup-advice';

describe('addressWithoutPassword', () => {
	it.each([
		[
			'postgres://tandem:s3cret@db.example.org:5432/tandem',
			'postgres://tandem@db.example.org:5432/tandem'
		],
		['postgresql://tandem:s3cret@db/tandem?password=s3cret', 'postgresql://tandem@db/tandem'],
		['postgres://tandem:s3cret@db/tandem?ssl=true', 'postgres://tandem@db/tandem?sslmode=require'],
		['postgres://tandem@db/tandem?ssl=false', 'postgres://tandem@db/tandem'],
		[
			'postgres://tandem@db/tandem?ssl=1&sslmode=verify-full',
			'postgres://tandem@db/tandem?sslmode=verify-full'
		]
	])('%s → %s', (url, shown) => {
		expect(addressWithoutPassword(url).href).toBe(shown);
	});
});

describe('shellWord', () => {
	it.each([
		'/backups/tandem-2027-03-15.dump',
		'postgres://tandem@db/tandem?sslmode=require&application_name=backup',
		"/backups/it's here.dump",
		'$HOME/`id`;rm -rf *'
	])('a shell reads %s back unchanged', (word) => {
		expect(execFileSync('sh', ['-c', `printf %s ${shellWord(word)}`], { encoding: 'utf8' })).toBe(
			word
		);
	});
});

describe('postgresBackupAdvice', () => {
	const url = 'postgres://tandem:p%40ss:word@db.example.org/tandem';

	it('restores into a new database beside the current one', () => {
		const commands = postgresBackupCommands(url, '/backups/t.dump');
		expect(commands).toEqual({
			dump: 'pg_dump --format=custom --file=/backups/t.dump --dbname=postgres://tandem@db.example.org/tandem',
			createEmpty:
				'createdb --maintenance-db=postgres://tandem@db.example.org/tandem tandem_restored',
			restore:
				'pg_restore --single-transaction --no-owner --no-privileges --dbname=postgres://tandem@db.example.org/tandem_restored /backups/t.dump',
			restoredDatabase: 'tandem_restored'
		});
	});

	it('never prints the password, and names the ~/.pgpass line to put it in', () => {
		const advice = postgresBackupAdvice(url, '/backups/t.dump');
		expect(advice).not.toMatch(/p%40ss|p@ss|word@/);
		expect(advice).toContain('db.example.org:5432:*:tandem:YOUR_PASSWORD');
	});
});
