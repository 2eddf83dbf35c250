import {
	CompiledQuery,
	Kysely,
	OperationNodeTransformer,
	PostgresDialect,
	PostgresDriver,
	type DatabaseConnection,
	type DataTypeNode,
	type Driver,
	type PostgresDialectConfig,
	type TransactionSettings,
	type KyselyPlugin,
	type PluginTransformQueryArgs,
	type PluginTransformResultArgs,
	type PrimitiveValueListNode,
	type QueryResult,
	type RootOperationNode,
	type UnknownRow,
	type ValueNode
} from 'kysely';
import pg from 'pg';
import type { Db } from './open';
import type { Database } from './schema';

// Timestamps are epoch milliseconds in bigint columns, and counts are bigint: both fit in a JS
// number (2^53), so they come back as numbers as SQLite gives them, not as strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

const NUL = /\0/g;
const withoutNul = (value: unknown) =>
	typeof value === 'string' && value.includes('\0') ? value.replace(NUL, '\uFFFD') : value;

/**
 * What SQLite accepts and PostgreSQL does not, made to mean the same:
 * - The migrations declare SQLite's `integer` and `real`, which are 64-bit; PostgreSQL's are
 *   32-bit (epoch milliseconds would overflow, and `real` would round), so they become `bigint`
 *   and `double precision`.
 * - PostgreSQL text cannot hold the NUL character, which SQLite stores: a value holding one
 *   (hostile input in a form or an address) would fail the whole request. It becomes U+FFFD, so
 *   such an id finds nothing and such a text is kept with a visible mark.
 */
class SqliteCompatibilityTransformer extends OperationNodeTransformer {
	protected override transformDataType(node: DataTypeNode): DataTypeNode {
		if (node.dataType === 'integer') return { ...node, dataType: 'bigint' };
		if (node.dataType === 'real') return { ...node, dataType: 'double precision' };
		return node;
	}

	protected override transformValue(node: ValueNode): ValueNode {
		const value = withoutNul(node.value);
		return value === node.value ? node : { ...node, value };
	}

	protected override transformPrimitiveValueList(
		node: PrimitiveValueListNode
	): PrimitiveValueListNode {
		if (!node.values.some((value) => typeof value === 'string' && value.includes('\0')))
			return node;
		return { ...node, values: node.values.map(withoutNul) };
	}
}

class SqliteCompatibilityPlugin implements KyselyPlugin {
	readonly #transformer = new SqliteCompatibilityTransformer();

	transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
		return this.#transformer.transformNode(node);
	}

	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return args.result;
	}
}

/**
 * The domain's read-then-write guards (a survey sent once, a link used once, a pair made once)
 * were written for SQLite, whose transactions take its one write lock when they begin. On
 * PostgreSQL each transaction takes one advisory lock when it begins, held until it ends, so
 * transactions run one after another across every server process as they do on SQLite; at READ
 * COMMITTED each statement then reads what the transactions before it committed. Queries outside
 * a transaction (page loads) never wait for it. Saves share transactions (group-commit.ts), so
 * one lock costs little; `npm run bench -- --engine postgres` measures it.
 */
const WRITE_LOCK_KEY = 7_146_652_501; // any constant; only Tandem's own transactions take it

class SerializedTransactionsDriver extends PostgresDriver {
	override async beginTransaction(
		connection: DatabaseConnection,
		settings: TransactionSettings
	): Promise<void> {
		await super.beginTransaction(connection, settings);
		await connection.executeQuery(
			CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`)
		);
	}
}

class TandemPostgresDialect extends PostgresDialect {
	readonly #config: PostgresDialectConfig;

	constructor(config: PostgresDialectConfig) {
		super(config);
		this.#config = config;
	}

	override createDriver(): Driver {
		return new SerializedTransactionsDriver(this.#config);
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
		dialect: new TandemPostgresDialect({ pool }),
		plugins: [new SqliteCompatibilityPlugin()]
	});
}
