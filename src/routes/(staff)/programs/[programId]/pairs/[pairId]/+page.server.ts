import { error } from '@sveltejs/kit';
import { severityOf, standingOf } from '$lib/alignment/attention';
import { analysePair } from '$lib/alignment/program-analysis';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { isPageOpening } from '$lib/server/audit/page-opening';
import { loadProgramEvidence } from '$lib/server/analytics/program-evidence';
import { pairDetail } from '$lib/server/analytics/pair-detail';
import { staffAgreementView } from '$lib/server/agreements/agreements';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import {
	followUpDoneSchema,
	followUpSchema,
	pairNoteSchema
} from '$lib/server/forms/pair-note-schemas';
import { pairStatusSchema, rematchSchema } from '$lib/server/forms/program-schemas';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { recordPairAnswersViewed, requirePair } from '$lib/server/pairs/pair-access';
import { changePairStatusIn, createPair, type PairRefusal } from '$lib/server/pairs/pair-actions';
import { pairLineage } from '$lib/server/pairs/pair-lineage';
import { addPairFollowUp, listAssignees, setFollowUpDone } from '$lib/server/pairs/pair-follow-ups';
import { readPairNotebook } from '$lib/server/pairs/pair-notebook';
import { addPairNote } from '$lib/server/pairs/pair-notes';
import { findPair, pairHistory } from '$lib/server/pairs/pairs';
import { requireProgram } from '$lib/server/programs/access';
import { pairCheckIns } from '$lib/server/pulse/check-in-views';
import { pairExitAnswers } from '$lib/server/pulse/exit-surveys';

// Drawn on the server alone: every control here is a link or a form, so the page needs none of
// the app's code in the browser; its charts come from the chart island (BarChart.svelte).
export const csr = false;

export async function load(event) {
	const { staff, program } = await requireProgram(event);
	const db = getDb();
	const pair = await findPair(db, staff.organization_id, program.id, event.params.pairId);
	if (!pair) error(404, 'Not found');
	const { evidence } = await loadProgramEvidence(db, program, { pairId: pair.id });
	const analysis = analysePair(evidence, evidence.pairs[0]!);
	if (isPageOpening(event))
		await recordPairAnswersViewed(db, staff, pair.id, event.getClientAddress());
	return {
		pair,
		standing: standingOf(analysis),
		severity: severityOf(analysis.reasons),
		detail: pairDetail(evidence, analysis, pair.employer_id, getLocale()),
		history: await pairHistory(db, pair.id),
		checkIns: await pairCheckIns(db, pair.id),
		exitAnswers: await pairExitAnswers(db, pair.id),
		agreement: await staffAgreementView(db, pair, getLocale()),
		lineage: await pairLineage(db, program, pair),
		sendsCheckIns: program.checkin_first_days !== null,
		notebook: await readPairNotebook(db, staff.organization_id, pair.id)
	};
}

/** The pair's own address, without the `?/action` the form was sent to. */
function pairPage(event: { params: { programId: string; pairId: string } }): string {
	return `/programs/${event.params.programId}/pairs/${event.params.pairId}`;
}

const rematchRefusals: Partial<Record<PairRefusal, () => string>> = {
	mentor_taken: m.error_pair_mentor_taken,
	protege_taken: m.error_pair_protege_taken,
	withdrawn: m.error_pair_withdrawn,
	program_closed: m.error_program_closed
};

export const actions = {
	rematch: async (event) => {
		const { staff, program } = await requireProgram(event);
		const db = getDb();
		const pair = await findPair(db, staff.organization_id, program.id, event.params.pairId);
		if (!pair) error(404, 'Not found');
		const form = await readForm(event.request, rematchSchema, ['mentorId']);
		if (!form.ok) return form.failure;
		const result = await createPair(
			db,
			staff,
			program,
			{
				mentorId: form.data.mentorId,
				protegeId: pair.protege_id,
				employerId: null,
				coordinatorId: pair.coordinator_id
			},
			event.getClientAddress()
		);
		if (result.ok)
			redirectWithFlash(event.cookies, `/programs/${program.id}/pairs/${result.pairId}`, {
				kind: 'pair_created'
			});
		const refusal = rematchRefusals[result.reason];
		if (!refusal) error(404, 'Not found');
		return fieldFailure(400, 'mentorId', refusal(), form.data);
	},
	status: async (event) => {
		const { staff, program } = await requireProgram(event);
		const form = await readForm(event.request, pairStatusSchema, [
			'status',
			'reason',
			'closureReason'
		]);
		if (!form.ok) return form.failure;
		const result = await changePairStatusIn(
			getDb(),
			staff,
			program.id,
			event.params.pairId,
			form.data,
			event.getClientAddress()
		);
		if (result.ok)
			redirectWithFlash(event.cookies, `${pairPage(event)}#actions`, {
				kind: 'pair_status_changed'
			});
		if (result.reason === 'not_found') error(404, 'Not found');
		const typed = { ...form.data, closureReason: form.data.closureReason ?? '' };
		if (result.reason === 'closure_reason')
			return fieldFailure(400, 'closureReason', m.error_closure_reason(), typed);
		const message =
			result.reason === 'same_status' ? m.error_pair_same_status() : m.error_pair_final();
		return fieldFailure(400, 'status', message, typed);
	},
	note: async (event) => {
		const { staff, pair } = await requirePair(event);
		const form = await readForm(event.request, pairNoteSchema, ['body']);
		if (!form.ok) return form.failure;
		const result = await addPairNote(
			getDb(),
			staff,
			pair.id,
			form.data.body,
			event.getClientAddress()
		);
		if (!result.ok) error(404, 'Not found');
		redirectWithFlash(event.cookies, `${pairPage(event)}#notebook`, { kind: 'note_added' });
	},
	followUp: async (event) => {
		const { staff, pair } = await requirePair(event);
		const db = getDb();
		const assignees = await listAssignees(db, staff.organization_id);
		const schema = followUpSchema(assignees.map((a) => a.id));
		const form = await readForm(event.request, schema, ['what', 'assigneeId', 'dueOn']);
		if (!form.ok) return form.failure;
		const result = await addPairFollowUp(db, staff, pair.id, form.data, event.getClientAddress());
		if (result.ok)
			redirectWithFlash(event.cookies, `${pairPage(event)}#notebook`, { kind: 'follow_up_added' });
		if (result.reason === 'not_found') error(404, 'Not found');
		return fieldFailure(400, 'assigneeId', m.error_follow_up_assignee(), {
			what: form.data.what,
			dueOn: form.data.dueOn ?? ''
		});
	},
	followUpDone: async (event) => {
		const { staff, pair } = await requirePair(event);
		const form = await readForm(event.request, followUpDoneSchema);
		if (!form.ok) return form.failure;
		const { followUpId, done } = form.data;
		const ip = event.getClientAddress();
		const result = await setFollowUpDone(getDb(), staff, pair.id, followUpId, done, ip);
		if (!result.ok) error(404, 'Not found');
		redirectWithFlash(event.cookies, `${pairPage(event)}#notebook`, {
			kind: done ? 'follow_up_done' : 'follow_up_reopened'
		});
	}
};
