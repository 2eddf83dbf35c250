import type { Participant, SessionRow, StaffUserRow } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			session: SessionRow | null;
			staff: StaffUserRow | null;
			participant: Participant | null;
			participantSession: SessionRow | null;
		}
	}
}

export {};
