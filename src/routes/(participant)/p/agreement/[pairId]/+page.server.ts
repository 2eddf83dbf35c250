import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { readAgreementForm } from '$lib/server/agreements/agreement-form';
import {
	agreementState,
	confirmAgreement,
	findAgreementPair,
	goalChoices,
	saveAgreement
} from '$lib/server/agreements/agreements';
import { getDb } from '$lib/server/db';
import { requireParticipant } from '$lib/server/survey/access';
import { organizationTimeZone } from '$lib/server/organizations/time-zone';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDate } from '$lib/time/format';

async function ownPair(event: RequestEvent<{ pairId: string }>) {
	const participant = requireParticipant(event);
	if (!participant.consented_at) redirect(303, '/p/consent');
	const pair = await findAgreementPair(getDb(), participant, event.params.pairId);
	if (!pair) error(404, 'Not found');
	return pair;
}

export async function load(event) {
	const pair = await ownPair(event);
	const { state, document } = await agreementState(getDb(), pair);
	const zone = await organizationTimeZone(getDb(), pair.organizationId);
	return {
		agreedOn: state.agreedAt === null ? null : formatDate(state.agreedAt, getLocale(), zone),
		partnerName: pair.partnerName,
		role: pair.role,
		agreement: state,
		goalChoices: goalChoices(document, getLocale()),
		notice: event.url.searchParams.has('saved')
			? ('saved' as const)
			: event.url.searchParams.has('confirmed')
				? ('confirmed' as const)
				: event.url.searchParams.has('changed')
					? ('changed' as const)
					: null
	};
}

export const actions = {
	save: async (event) => {
		const pair = await ownPair(event);
		const { document } = await agreementState(getDb(), pair);
		const keys = goalChoices(document, getLocale()).map((goal) => goal.key);
		const form = readAgreementForm(await event.request.formData(), keys);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		await saveAgreement(getDb(), pair, form.terms);
		redirect(303, `/p/agreement/${pair.id}?saved`);
	},
	confirm: async (event) => {
		const pair = await ownPair(event);
		const version = Number((await event.request.formData()).get('version'));
		const confirmed =
			Number.isSafeInteger(version) && (await confirmAgreement(getDb(), pair, version));
		redirect(303, `/p/agreement/${pair.id}?${confirmed ? 'confirmed' : 'changed'}`);
	}
};
