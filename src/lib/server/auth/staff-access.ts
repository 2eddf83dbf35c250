import type { DbOrTx } from '../db';
import type { SessionRow, StaffUserRow } from '../db/schema';

/**
 * - `signed_in`: may use Tandem.
 * - `second_factor_pending`: signed in with the password only; counts as signed out everywhere
 *   except the second sign-in step and sign-out.
 * - `enrolment_required`: the organization requires an authenticator app this person has not
 *   set up; every page sends them to set it up first.
 */
export type StaffAccess = 'signed_in' | 'second_factor_pending' | 'enrolment_required';

/** A session verified before the current app was set up (an earlier app) does not count. */
export function staffAccessFor(
	session: Pick<SessionRow, 'two_factor_verified_at'>,
	enrolledAt: number | null,
	organizationRequiresIt: boolean
): StaffAccess {
	if (enrolledAt !== null) {
		const verifiedAt = session.two_factor_verified_at;
		return verifiedAt !== null && verifiedAt >= enrolledAt ? 'signed_in' : 'second_factor_pending';
	}
	return organizationRequiresIt ? 'enrolment_required' : 'signed_in';
}

export async function resolveStaffAccess(
	db: DbOrTx,
	session: SessionRow,
	staff: StaffUserRow
): Promise<StaffAccess> {
	const row = await db
		.selectFrom('organizations')
		.leftJoin('staff_two_factor', (join) =>
			join.on('staff_two_factor.staff_user_id', '=', staff.id)
		)
		.select(['organizations.require_two_factor', 'staff_two_factor.enrolled_at'])
		.where('organizations.id', '=', staff.organization_id)
		.executeTakeFirst();
	return staffAccessFor(session, row?.enrolled_at ?? null, row?.require_two_factor === 1);
}

// Participant pages (`/l`, `/p`) run on their own session, untouched by a staff requirement.
const OPEN_BEFORE_ENROLMENT = [
	'/account/two-factor',
	'/signout',
	'/language',
	'/healthz',
	'/l',
	'/p'
];

/** Where a staff member who must first set up an authenticator app may still go. */
export function mayVisitBeforeEnrolment(pathname: string): boolean {
	return OPEN_BEFORE_ENROLMENT.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}
