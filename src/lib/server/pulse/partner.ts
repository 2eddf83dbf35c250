import { sql } from 'kysely';

/**
 * The other person of the pair, for a row of `table` (joined with `pairs`) that says by its
 * `role` whose it is: the protégé for a mentor's, the mentor for a protégé's.
 */
export function partnerIdOf(table: 'pulse_check_ins' | 'exit_surveys' | 'outcome_follow_ups') {
	return sql<string>`case when ${sql.ref(`${table}.role`)} = 'mentor' then ${sql.ref('pairs.protege_id')} else ${sql.ref('pairs.mentor_id')} end`;
}
