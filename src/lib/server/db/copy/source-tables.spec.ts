import { describe, expect, it } from 'vitest';
import { orderByDependency, type SourceTable } from './source-tables';

const table = (name: string, parents: string[] = []): SourceTable => ({
	name,
	columns: [{ name: 'id', kind: 'text' }],
	primaryKey: ['id'],
	parents,
	selfReferences: []
});

describe('orderByDependency', () => {
	it('puts every table after the tables it references, keeping the given order otherwise', () => {
		const ordered = orderByDependency([
			table('responses', ['assignments']),
			table('organizations'),
			table('assignments', ['rounds', 'organizations']),
			table('rounds', ['organizations']),
			table('write_probes')
		]);
		expect(ordered.map((t) => t.name)).toEqual([
			'organizations',
			'rounds',
			'assignments',
			'responses',
			'write_probes'
		]);
	});

	it('refuses tables that reference each other in a cycle, naming it', () => {
		expect(() => orderByDependency([table('a', ['b']), table('b', ['a'])])).toThrow(
			'Tables reference each other in a cycle: a → b → a'
		);
	});

	it('refuses a reference to a table that is not copied', () => {
		expect(() => orderByDependency([table('notes', ['kysely_migration'])])).toThrow(
			'notes references kysely_migration, which is not copied'
		);
	});
});
