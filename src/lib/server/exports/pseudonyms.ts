import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

type Kind = 'participant' | 'staff' | 'pair';

const PREFIX: Record<Kind, string> = { participant: 'p_', staff: 's_', pair: 'pair_' };

/**
 * A code that stands for one person or pair in one program's exports: the same in every file
 * and every download, built from neither a name nor an email, and showing no internal id.
 */
export function pseudonym(kind: Kind, programId: string, id: string): string {
	const digest = sha256(new TextEncoder().encode(`${programId}:${id}`));
	return PREFIX[kind] + encodeHexLowerCase(digest).slice(0, 12);
}
