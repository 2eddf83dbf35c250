import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { roundSchema } from '$lib/server/forms/program-schemas';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { listInstruments } from '$lib/server/instruments/instruments';
import { requireProgram } from '$lib/server/programs/access';
import { organizationToday } from '$lib/server/organizations/time-zone';
import { DEFAULT_REMINDER_DAYS, nextWave } from '$lib/server/rounds/round-state';
import { listRounds, openRound } from '$lib/server/rounds/rounds';
import { addDays } from '$lib/time/days';

export async function load(event) {
	const { staff, program } = await requireProgram(event);
	const db = getDb();
	const [instruments, today, rounds] = await Promise.all([
		listInstruments(db, staff.organization_id),
		organizationToday(db, staff.organization_id),
		listRounds(db, staff.organization_id, program.id)
	]);
	const versions = instruments.flatMap((instrument) =>
		instrument.versions
			.filter((v) => v.status === 'published')
			.map((v) => ({ id: v.id, name: instrument.name, number: v.number }))
	);
	return {
		versions,
		values: {
			opensOn: today,
			closesOn: addDays(today, 14),
			wave: nextWave(rounds.map((round) => round.wave)),
			versionId: versions[0]?.id ?? '',
			reminderDays: DEFAULT_REMINDER_DAYS.join(', ')
		}
	};
}

export const actions = {
	default: async (event) => {
		const { staff, program } = await requireProgram(event);
		const form = await readForm(event.request, roundSchema, [
			'versionId',
			'wave',
			'opensOn',
			'closesOn',
			'reminderDays'
		]);
		if (!form.ok) return form.failure;
		const result = await openRound(getDb(), staff, program, form.data, event.getClientAddress());
		if (!result.ok) {
			const message =
				result.reason === 'program_closed' ? m.error_program_closed() : m.error_version_unusable();
			return fieldFailure(400, result.reason === 'program_closed' ? 'form' : 'versionId', message, {
				...form.data,
				reminderDays: (form.data.reminderDays ?? DEFAULT_REMINDER_DAYS).join(', ')
			});
		}
		redirectWithFlash(event.cookies, `/programs/${program.id}/rounds/${result.roundId}`, {
			kind: 'round_opened',
			count: result.assigned
		});
	}
};
