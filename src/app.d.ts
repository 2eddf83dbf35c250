import type { ValidSession } from '$lib/server/auth/session';
import type { Participant, SessionRow, StaffUserRow } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			session: SessionRow | null;
			staff: StaffUserRow | null;
			/** Password given, authenticator code not yet: not signed in (auth/staff-access.ts). */
			pendingSignIn: ValidSession | null;
			participant: Participant | null;
			participantSession: SessionRow | null;
		}
	}
}

export {};
