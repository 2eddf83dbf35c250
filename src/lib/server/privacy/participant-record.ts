import { localized } from '$lib/labels';
import { splitLanguages } from '$lib/text/language-codes';
import type { DbOrTx } from '../db';
import type { Participant } from '../db/schema';
import { redactLinks } from '../mail/compose';
import { pairsWithTalk } from './record-pairs';
import { iso } from './record-time';

function parseJson(text: string | null): unknown {
	if (text === null) return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * Everything Tandem holds about one participant, as they could ask to see it. Links and
 * sessions appear by their dates only: never a token, a session id or a hash.
 */
export async function participantRecord(db: DbOrTx, participant: Participant, now: number) {
	const id = participant.id;
	const [
		program,
		employer,
		links,
		sessions,
		assignments,
		pairs,
		checkIns,
		exitSurveys,
		followUps,
		messages,
		activity
	] = await Promise.all([
		db
			.selectFrom('programs')
			.select(['name'])
			.where('id', '=', participant.program_id)
			.executeTakeFirstOrThrow(),
		participant.employer_id
			? db
					.selectFrom('employers')
					.select('name')
					.where('id', '=', participant.employer_id)
					.executeTakeFirst()
			: undefined,
		db
			.selectFrom('participant_links')
			.select(['created_at', 'expires_at', 'revoked_at', 'last_used_at'])
			.where('participant_id', '=', id)
			.orderBy('created_at')
			.execute(),
		db
			.selectFrom('sessions')
			.select(['created_at', 'last_verified_at', 'user_agent', 'ip'])
			.where('participant_id', '=', id)
			.orderBy('created_at')
			.execute(),
		assignmentsWithAnswers(db, participant),
		pairsWithTalk(db, id),
		db
			.selectFrom('pulse_check_ins')
			.select([
				'pair_id',
				'step',
				'due_on',
				'created_at',
				'answered_at',
				'in_touch',
				'going',
				'wants_contact'
			])
			.where('participant_id', '=', id)
			.orderBy('created_at')
			.execute(),
		db
			.selectFrom('exit_surveys')
			.select(['pair_id', 'created_at', 'answered_at', 'met_expectations', 'helped_most'])
			.where('participant_id', '=', id)
			.orderBy('created_at')
			.execute(),
		db
			.selectFrom('outcome_follow_ups')
			.select([
				'pair_id',
				'months',
				'due_on',
				'answered_at',
				'work',
				'found_through',
				'job_title',
				'in_touch'
			])
			.where('participant_id', '=', id)
			.orderBy('created_at')
			.execute(),
		db
			.selectFrom('outbox')
			.select(['kind', 'to_address', 'subject', 'body', 'status', 'created_at', 'sent_at'])
			.where('participant_id', '=', id)
			.orderBy('created_at')
			.execute(),
		db
			.selectFrom('audit_log')
			.select(['action', 'created_at'])
			.where('target_type', '=', 'participant')
			.where('target_id', '=', id)
			.orderBy('created_at')
			.execute()
	]);
	return {
		generated_at: iso(now),
		program: program.name,
		profile: {
			id,
			role: participant.role,
			name: participant.name,
			email: participant.email,
			phone: participant.phone,
			language: participant.language,
			occupation: participant.occupation,
			field: participant.field,
			other_languages: splitLanguages(participant.languages),
			capacity: participant.capacity,
			employer: employer?.name ?? null,
			notes: participant.notes,
			status: participant.status,
			withdrawn_at: iso(participant.withdrawn_at),
			withdrawn_reason: participant.withdrawn_reason,
			erased_at: iso(participant.erased_at),
			added_at: iso(participant.created_at),
			updated_at: iso(participant.updated_at)
		},
		consent: {
			consent_date: participant.consent_date,
			agreed_in_portal_at: iso(participant.consented_at)
		},
		links_issued: links.map((l) => ({
			issued_at: iso(l.created_at),
			expires_at: iso(l.expires_at),
			stopped_at: iso(l.revoked_at),
			last_used_at: iso(l.last_used_at)
		})),
		sessions: sessions.map((s) => ({
			started_at: iso(s.created_at),
			last_active_at: iso(s.last_verified_at),
			browser: s.user_agent,
			ip: s.ip
		})),
		assignments,
		pairs,
		check_ins: checkIns.map((c) => ({
			pair_id: c.pair_id,
			number: c.step + 1,
			due_on: c.due_on,
			sent_at: iso(c.created_at),
			answered_at: iso(c.answered_at),
			in_touch: c.in_touch === null ? null : c.in_touch === 1,
			how_it_is_going: c.going,
			asked_to_be_contacted: c.wants_contact === null ? null : c.wants_contact === 1
		})),
		exit_surveys: exitSurveys.map((e) => ({
			pair_id: e.pair_id,
			sent_at: iso(e.created_at),
			answered_at: iso(e.answered_at),
			met_expectations: e.met_expectations,
			helped_most: e.helped_most
		})),
		follow_ups: followUps.map((f) => ({
			pair_id: f.pair_id,
			months_after_program: f.months,
			due_on: f.due_on,
			answered_at: iso(f.answered_at),
			work: f.work,
			found_through: f.found_through,
			job_title: f.job_title,
			still_in_touch: f.in_touch === null ? null : f.in_touch === 1
		})),
		messages: messages.map((message) => ({
			kind: message.kind,
			to: message.to_address,
			subject: message.subject,
			body: redactLinks(message.body),
			status: message.status,
			queued_at: iso(message.created_at),
			sent_at: iso(message.sent_at)
		})),
		activity: activity.map((a) => ({ action: a.action, at: iso(a.created_at) }))
	};
}

export type ParticipantRecord = Awaited<ReturnType<typeof participantRecord>>;

async function assignmentsWithAnswers(db: DbOrTx, participant: Participant) {
	const rows = await db
		.selectFrom('assignments')
		.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
		.select([
			'assignments.id',
			'assignments.role',
			'assignments.status',
			'assignments.pair_id',
			'assignments.started_at',
			'assignments.submitted_at',
			'rounds.wave',
			'rounds.opens_on',
			'rounds.closes_on',
			'rounds.instrument_version_id'
		])
		.where('assignments.participant_id', '=', participant.id)
		.orderBy('rounds.opens_on')
		.execute();
	const answers = rows.length
		? await db
				.selectFrom('responses')
				.innerJoin('assignments', 'assignments.id', 'responses.assignment_id')
				.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
				.leftJoin('instrument_items', (join) =>
					join
						.onRef('instrument_items.version_id', '=', 'rounds.instrument_version_id')
						.onRef('instrument_items.key', '=', 'responses.item_key')
				)
				.select([
					'responses.assignment_id',
					'responses.item_key',
					'responses.value',
					'responses.updated_at',
					'instrument_items.label'
				])
				.where('assignments.participant_id', '=', participant.id)
				.orderBy('instrument_items.position')
				.execute()
		: [];
	return rows.map((row) => ({
		round: { wave: row.wave, opens_on: row.opens_on, closes_on: row.closes_on },
		role: row.role,
		status: row.status,
		pair_id: row.pair_id,
		started_at: iso(row.started_at),
		submitted_at: iso(row.submitted_at),
		answers: answers
			.filter((a) => a.assignment_id === row.id)
			.map((a) => ({
				item: a.item_key,
				label: localized(parseJson(a.label) as Record<string, string> | null, participant.language),
				value: parseJson(a.value),
				saved_at: iso(a.updated_at)
			}))
	}));
}
