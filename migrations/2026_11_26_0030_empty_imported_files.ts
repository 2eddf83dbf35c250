import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. A finished import no longer needs its file (its
// people are participants now, and its page shows only the file name): empty the files kept
// by imports finished before the app started doing so itself.
export async function up(db: Kysely<any>): Promise<void> {
	await db
		.updateTable('participant_imports')
		.set({ content: '' })
		.where('completed_at', 'is not', null)
		.execute();
}

// The files' contents are gone for good; there is nothing to put back.
export async function down(): Promise<void> {}
