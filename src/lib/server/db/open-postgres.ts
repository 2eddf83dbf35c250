import {
	Kysely,
	OperationNodeTransformer,
	PostgresDialect,
	type DataTypeNode,
	type KyselyPlugin,
	type PluginTransformQueryArgs,
	type PluginTransformResultArgs,
	type QueryResult,
	type RootOperationNode,
	type UnknownRow
} from 'kysely';
import pg from 'pg';
import type { Db } from './open';
import type { Database } from './schema';

// Timestamps are epoch milliseconds in bigint columns, and counts are bigint: both fit in a JS
// number (2^53), so they come back as numbers as SQLite gives them, not as strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/**
 * The migrations were written for SQLite, whose `integer` and `real` are 64-bit: PostgreSQL's are
 * 32-bit (epoch milliseconds would overflow, and `real` would round). Declared types get the
 * PostgreSQL types that mean what SQLite stores.
 */
class SqliteWidthTransformer extends OperationNodeTransformer {
	protected override transformDataType(node: DataTypeNode): DataTypeNode {
		if (node.dataType === 'integer') return { ...node, dataType: 'bigint' };
		if (node.dataType === 'real') return { ...node, dataType: 'double precision' };
		return node;
	}
}

class SqliteWidthPlugin implements KyselyPlugin {
	readonly #transformer = new SqliteWidthTransformer();

	transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
		const isSchemaChange = node.kind === 'CreateTableNode' || node.kind === 'AlterTableNode';
		return isSchemaChange ? this.#transformer.transformNode(node) : node;
	}

	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return args.result;
	}
}

/** Opens a bounded pool of connections to the PostgreSQL database at `url` (postgres://…). */
export function openPostgresDatabase(url: string, poolSize = 10): Db {
	if (!/^postgres(ql)?:\/\//.test(url))
		throw new Error('DATABASE_URL must be a postgres:// address (leave it unset for SQLite)');
	const pool = new pg.Pool({ connectionString: url, max: poolSize });
	// An idle connection the server closed (a restart, a failover) is replaced on next use; without
	// a listener its error would end the process.
	pool.on('error', (error) =>
		console.error(`[tandem] PostgreSQL connection lost: ${error.message}`)
	);
	return new Kysely<Database>({
		dialect: new PostgresDialect({ pool }),
		plugins: [new SqliteWidthPlugin()]
	});
}
