import { createHmac, randomBytes } from 'node:crypto';
import type { DbOrTx } from '../db';

type Kind = 'participant' | 'staff' | 'pair';

const PREFIX: Record<Kind, string> = { participant: 'p_', staff: 's_', pair: 'pair_' };

/** The codes of one program's exports: the same person or pair, the same code in every file. */
export type Pseudonyms = (kind: Kind, id: string) => string;

/**
 * A code for one person or pair in one program's exports: HMAC-SHA-256 keyed with the
 * organization's secret over the program, the kind and the internal id, 64 bits of it in hex.
 * The same in every file and every download; built from neither a name nor an email; and
 * without the secret, nobody (not even someone holding the internal ids) can tell whose it is.
 */
export function pseudonymWith(secret: string, programId: string): Pseudonyms {
	return (kind, id) =>
		PREFIX[kind] +
		createHmac('sha256', Buffer.from(secret, 'base64url'))
			.update(`${programId}\n${kind}\n${id}`)
			.digest('hex')
			.slice(0, 16);
}

/**
 * The organization's export secret: made with the organization (and by the migration that added
 * it), else (an organization inserted some other way) made the first time it is needed.
 */
export async function exportSecret(db: DbOrTx, organizationId: string): Promise<string> {
	const read = () =>
		db
			.selectFrom('organizations')
			.select('export_secret')
			.where('id', '=', organizationId)
			.executeTakeFirstOrThrow();
	const { export_secret } = await read();
	if (export_secret) return export_secret;
	// Two first exports at once: the first write wins and both read it back.
	await db
		.updateTable('organizations')
		.set({ export_secret: randomBytes(32).toString('base64url') })
		.where('id', '=', organizationId)
		.where('export_secret', 'is', null)
		.execute();
	return (await read()).export_secret!;
}

/** The codes of a program's exports. */
export async function programPseudonyms(
	db: DbOrTx,
	program: { id: string; organization_id: string }
): Promise<Pseudonyms> {
	return pseudonymWith(await exportSecret(db, program.organization_id), program.id);
}
