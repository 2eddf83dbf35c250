import type { ClosureReason } from '$lib/pairs/closure';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type StaffRole = 'admin' | 'coordinator';
export type StaffStatus = 'active' | 'disabled';
export type OneTimeTokenPurpose = 'setup' | 'invitation';

export interface OrganizationsTable {
	id: string;
	name: string;
	default_language: Generated<string>;
	/** Months after a program closes before its participants are anonymised; null keeps them. */
	retention_months: number | null;
	/** 1: every staff member must sign in with an authenticator app code. */
	require_two_factor: Generated<number>;
	/** IANA name ("America/Toronto"): where its days begin and end. */
	time_zone: Generated<string>;
	created_at: number;
	/** The key of the keyed hashes standing for people and pairs in its exports (pseudonyms.ts). */
	export_secret: string | null;
}

export interface StaffUsersTable {
	id: string;
	organization_id: string;
	email: string;
	name: string;
	role: StaffRole;
	status: Generated<StaffStatus>;
	password_hash: string;
	language: string | null;
	created_at: number;
	password_changed_at: number;
}

export interface SessionsTable {
	id: string;
	secret_hash: string;
	staff_user_id: string | null;
	participant_id: string | null;
	/** The personal link that opened a participant's session: the session lasts as long as it. */
	participant_link_id: string | null;
	created_at: number;
	last_verified_at: number;
	user_agent: string | null;
	ip: string | null;
	/** Null while a session of a staff member with an authenticator app waits for the code. */
	two_factor_verified_at: number | null;
}

export interface StaffTwoFactorTable {
	staff_user_id: string;
	/** The TOTP key, sealed by auth/key-sealing.ts (encrypted when TOTP_ENCRYPTION_KEY is set). */
	sealed_key: string;
	created_at: number;
	/** Null until the staff member confirmed the app with a code. */
	enrolled_at: number | null;
	/** The last 30-second step whose code was accepted: a code works only once. */
	last_used_step: number | null;
}

export interface StaffRecoveryCodesTable {
	id: string;
	staff_user_id: string;
	code_hash: string;
	created_at: number;
	used_at: number | null;
}

export interface OneTimeTokensTable {
	id: string;
	token_hash: string;
	purpose: OneTimeTokenPurpose;
	organization_id: string | null;
	email: string | null;
	name: string | null;
	role: StaffRole | null;
	created_by: string | null;
	created_at: number;
	expires_at: number;
	used_at: number | null;
	revoked_at: number | null;
}

/** Sign-in, two-step and mail limits: one row per hashed key, every attempt in its window counted. */
export interface AttemptLimitsTable {
	key: string;
	window_started_at: number;
	attempts: number;
}

/** The one row the health check rewrites to learn whether the database can write (db/write-probe). */
export interface WriteProbesTable {
	id: number;
	probed_at: number;
}

/** A sheet of links just made, sealed with a key only the maker's browser holds (rounds/link-sheets). */
export interface LinkSheetsTable {
	id: string;
	organization_id: string;
	staff_id: string;
	round_id: string;
	sealed: string;
	created_at: number;
	expires_at: number;
}

export interface AuditLogTable {
	id: string;
	organization_id: string | null;
	actor_staff_id: string | null;
	action: string;
	target_type: string | null;
	target_id: string | null;
	detail: string | null;
	ip: string | null;
	created_at: number;
}

export interface InstrumentsTable {
	id: string;
	organization_id: string;
	created_at: number;
}

export type InstrumentVersionStatus = 'draft' | 'published';

export interface InstrumentVersionsTable {
	id: string;
	instrument_id: string;
	number: number;
	status: InstrumentVersionStatus;
	/** JSON LocalizedText */
	name: string;
	description: string | null;
	/** JSON array of language codes */
	languages: string;
	based_on_version_id: string | null;
	created_at: number;
	created_by: string | null;
	published_at: number | null;
	published_by: string | null;
}

export interface InstrumentConstructsTable {
	id: string;
	version_id: string;
	key: string;
	name: string;
	intro: string | null;
	weight: number;
	position: number;
}

export interface InstrumentItemsTable {
	id: string;
	version_id: string;
	construct_id: string;
	key: string;
	label: string | null;
	wave: 'pre' | 'mid' | 'post';
	type: 'scale' | 'choice' | 'multi' | 'number' | 'text';
	required: number;
	critical: number;
	follows_key: string | null;
	direction: 'ascending' | 'descending' | null;
	unit: string | null;
	/** The unit after a number read as one, JSON per language. */
	unit_one: string | null;
	min_value: number | null;
	max_value: number | null;
	step: number | null;
	hint: string | null;
	position: number;
}

export interface InstrumentOptionsTable {
	id: string;
	item_id: string;
	value: string;
	label: string;
	missing: number;
	position: number;
}

export interface InstrumentWordingsTable {
	item_id: string;
	role: 'mentor' | 'protege' | 'employer' | 'staff';
	language: string;
	text: string;
}

export type ProgramStatus = 'draft' | 'active' | 'closed';
/** How a program's matching treats a shared field or language: ignored, a bonus, or required. */
export type MatchRule = 'off' | 'bonus' | 'must';
export type MatchLockKind = 'must' | 'never';
export type ParticipantRole = 'mentor' | 'protege' | 'employer';
export type ParticipantStatus = 'active' | 'withdrawn';
export type PairStatus = 'active' | 'paused' | 'ended_early' | 'completed';

export interface ProgramsTable {
	id: string;
	organization_id: string;
	name: string;
	description: Generated<string>;
	start_date: string;
	end_date: string;
	default_language: string;
	status: ProgramStatus;
	watch_threshold: number;
	risk_threshold: number;
	pairs_see_summary: number;
	mentor_multiple_proteges: number;
	/** The program's short list of fields, as a JSON array of names. */
	fields: Generated<string>;
	field_rule: Generated<MatchRule>;
	language_rule: Generated<MatchRule>;
	/** The languages offered to participants, as a JSON array of codes. */
	languages: Generated<string>;
	/** 1: each question is also shown in the program's language, in smaller type. */
	bilingual_questions: Generated<number>;
	/** Days after a pair starts until its first pulse check-in; null: no check-ins. */
	checkin_first_days: Generated<number | null>;
	/** Days between later check-ins. */
	checkin_every_days: Generated<number>;
	/** Months after the end when follow-up outcome surveys go out: a JSON list ("[3,6,12]"). */
	followup_months: Generated<string>;
	closed_at: number | null;
	created_at: number;
	updated_at: number;
}

export interface EmployersTable {
	id: string;
	organization_id: string;
	name: string;
	archived_at: number | null;
	created_at: number;
}

export interface ParticipantsTable {
	id: string;
	organization_id: string;
	program_id: string;
	role: ParticipantRole;
	name: string;
	email: string;
	phone: string | null;
	language: string;
	occupation: string | null;
	employer_id: string | null;
	consent_date: string | null;
	notes: Generated<string>;
	/** Mentors: how many protégés at most; null is one. */
	capacity: number | null;
	/** One of the program's fields; null when not set. */
	field: string | null;
	/** Other languages spoken: lowercase BCP 47 codes joined by commas ("ar,es"); '' for none. */
	languages: Generated<string>;
	status: ParticipantStatus;
	withdrawn_at: number | null;
	withdrawn_reason: string | null;
	consented_at: number | null;
	/** Set when identifying data was removed (by hand or by retention). */
	erased_at: number | null;
	created_at: number;
	updated_at: number;
}

export interface PairsTable {
	id: string;
	organization_id: string;
	program_id: string;
	mentor_id: string;
	protege_id: string;
	employer_id: string | null;
	coordinator_id: string | null;
	status: PairStatus;
	/** Why the pair ended (src/lib/pairs/closure.ts); null while it runs. */
	closure_reason: Generated<ClosureReason | null>;
	/** The protégé's earlier pair that ended early, when this one pairs them again. */
	follows_pair_id: Generated<string | null>;
	created_at: number;
	updated_at: number;
}

/** A language of an instrument version that a fluent staff member checked; others are drafts. */
export interface InstrumentLanguageReviewsTable {
	version_id: string;
	language: string;
	reviewed_by: string | null;
	reviewed_at: number;
}

export interface MatchLocksTable {
	id: string;
	organization_id: string;
	program_id: string;
	mentor_id: string;
	protege_id: string;
	kind: MatchLockKind;
	created_by: string | null;
	created_at: number;
}

export interface PairStatusChangesTable {
	id: string;
	pair_id: string;
	from_status: PairStatus | null;
	to_status: PairStatus;
	reason: string;
	changed_by: string | null;
	changed_at: number;
}

export interface ParticipantImportsTable {
	id: string;
	program_id: string;
	staff_id: string;
	file_name: string;
	content: string;
	created_at: number;
	completed_at: number | null;
}

export type AssignmentRole = 'mentor' | 'protege' | 'employer' | 'staff';
export type AssignmentStatus = 'not_started' | 'in_progress' | 'submitted';

export interface RoundsTable {
	id: string;
	organization_id: string;
	program_id: string;
	instrument_version_id: string;
	wave: 'pre' | 'mid' | 'post';
	opens_on: string;
	closes_on: string;
	closed_at: number | null;
	/** JSON array of day offsets: positive after opening, negative before closing. */
	reminder_days: string;
	created_by: string | null;
	created_at: number;
}

export interface AssignmentsTable {
	id: string;
	organization_id: string;
	round_id: string;
	role: AssignmentRole;
	participant_id: string | null;
	staff_id: string | null;
	pair_id: string | null;
	status: AssignmentStatus;
	last_page: Generated<number>;
	started_at: number | null;
	submitted_at: number | null;
	created_at: number;
}

export interface ResponsesTable {
	assignment_id: string;
	item_key: string;
	/** JSON: a string for scale, choice, number and text; an array of strings for multi. */
	value: string;
	updated_at: number;
}

/** A sent survey's scored answers (no free text): a JSON object of stored values by item key. */
export interface ScoredAnswersTable {
	assignment_id: string;
	answers: string;
}

export interface PairAssessmentsTable {
	pair_id: string;
	program_id: string;
	fingerprint: string;
	assessment: string;
}

export interface EvidenceMarksTable {
	program_id: string;
	stamp: string;
	digest: string;
}

export interface ParticipantLinksTable {
	id: string;
	participant_id: string;
	token_hash: string;
	created_by: string | null;
	created_at: number;
	expires_at: number;
	revoked_at: number | null;
	last_used_at: number | null;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxTable {
	id: string;
	organization_id: string;
	participant_id: string | null;
	round_id: string | null;
	kind: 'invitation' | 'reminder';
	to_address: string;
	subject: string;
	/** Holds the personal link until delivery; redacted once sent. */
	body: string;
	status: OutboxStatus;
	attempts: Generated<number>;
	next_attempt_at: number;
	sent_at: number | null;
	last_error: string | null;
	created_at: number;
}

export interface ReminderSendsTable {
	assignment_id: string;
	step: number;
	sent_at: number;
}

/** One person's pulse check-in of a pair at one step; the answers are null until given. */
export interface PulseCheckInsTable {
	id: string;
	organization_id: string;
	program_id: string;
	pair_id: string;
	participant_id: string;
	role: 'mentor' | 'protege';
	/** 0 for the first check-in after the pair starts, then 1, 2, … */
	step: number;
	/** ISO date the step fell due. */
	due_on: string;
	created_at: number;
	reminded_at: number | null;
	answered_at: number | null;
	/** In touch in the last two weeks: 1 yes, 0 no. */
	in_touch: number | null;
	/** How it is going, 1 (badly) to 5 (very well). */
	going: number | null;
	/** Would like the coordinator to contact them: 1 yes, 0 no. */
	wants_contact: number | null;
}

/** One person's exit survey about a pair that ended; the answers are null until given. */
export interface ExitSurveysTable {
	id: string;
	organization_id: string;
	program_id: string;
	pair_id: string;
	participant_id: string;
	role: 'mentor' | 'protege';
	created_at: number;
	answered_at: number | null;
	/** Did the mentoring meet what they expected: 1 (not at all) to 5 (completely). */
	met_expectations: number | null;
	/** What helped most: a code of src/lib/pairs/exit-survey.ts. */
	helped_most: string | null;
}

export interface OutcomeFollowUpsTable {
	id: string;
	organization_id: string;
	program_id: string;
	pair_id: string;
	participant_id: string;
	role: 'mentor' | 'protege';
	/** Months after the program's end. */
	months: number;
	/** ISO date the step fell due. */
	due_on: string;
	created_at: number;
	reminded_at: number | null;
	answered_at: number | null;
	/** A protégé's work now: a code of src/lib/outcomes/follow-ups.ts. */
	work: string | null;
	/** How a protégé at work found the job: a code of the same file. */
	found_through: string | null;
	/** A protégé's job title, in their own words (optional). */
	job_title: string | null;
	/** A mentor still in touch with their mentee: 1 yes, 0 no. */
	in_touch: number | null;
}

export interface PairAgreementsTable {
	id: string;
	organization_id: string;
	program_id: string;
	pair_id: string;
	/** How often they meet: a code of src/lib/pairs/agreement.ts. */
	frequency: string | null;
	/** How they meet: a JSON list of mode codes. */
	modes: string;
	/** Who starts contact: 'mentor', 'protege' or 'both'. */
	starter: string | null;
	/** Up to three goals: a JSON list of { item: key } or { text }. */
	goals: string;
	/** The role of whoever wrote this version: 'mentor' or 'protege'. */
	changed_by: string;
	changed_at: number;
	mentor_confirmed_at: number | null;
	protege_confirmed_at: number | null;
	/** Set while both sides confirm this version. */
	agreed_at: number | null;
}

export interface PairNotesTable {
	id: string;
	organization_id: string;
	pair_id: string;
	author_staff_id: string;
	body: string;
	created_at: number;
}

export interface PairFollowUpsTable {
	id: string;
	organization_id: string;
	pair_id: string;
	what: string;
	assignee_staff_id: string | null;
	/** ISO date (YYYY-MM-DD). */
	due_on: string | null;
	done_at: number | null;
	done_by: string | null;
	created_by: string;
	created_at: number;
}

export interface Database {
	organizations: OrganizationsTable;
	staff_users: StaffUsersTable;
	sessions: SessionsTable;
	staff_two_factor: StaffTwoFactorTable;
	staff_recovery_codes: StaffRecoveryCodesTable;
	one_time_tokens: OneTimeTokensTable;
	audit_log: AuditLogTable;
	attempt_limits: AttemptLimitsTable;
	link_sheets: LinkSheetsTable;
	write_probes: WriteProbesTable;
	instruments: InstrumentsTable;
	instrument_versions: InstrumentVersionsTable;
	instrument_constructs: InstrumentConstructsTable;
	instrument_items: InstrumentItemsTable;
	instrument_options: InstrumentOptionsTable;
	instrument_wordings: InstrumentWordingsTable;
	programs: ProgramsTable;
	employers: EmployersTable;
	participants: ParticipantsTable;
	pairs: PairsTable;
	pair_status_changes: PairStatusChangesTable;
	match_locks: MatchLocksTable;
	instrument_language_reviews: InstrumentLanguageReviewsTable;
	participant_imports: ParticipantImportsTable;
	rounds: RoundsTable;
	assignments: AssignmentsTable;
	responses: ResponsesTable;
	scored_answers: ScoredAnswersTable;
	pair_assessments: PairAssessmentsTable;
	evidence_marks: EvidenceMarksTable;
	participant_links: ParticipantLinksTable;
	outbox: OutboxTable;
	reminder_sends: ReminderSendsTable;
	pulse_check_ins: PulseCheckInsTable;
	exit_surveys: ExitSurveysTable;
	pair_agreements: PairAgreementsTable;
	outcome_follow_ups: OutcomeFollowUpsTable;
	pair_notes: PairNotesTable;
	pair_follow_ups: PairFollowUpsTable;
}

export type OutboxMessage = Selectable<OutboxTable>;

export type Round = Selectable<RoundsTable>;
export type Assignment = Selectable<AssignmentsTable>;

export type Program = Selectable<ProgramsTable>;
export type Employer = Selectable<EmployersTable>;
export type Participant = Selectable<ParticipantsTable>;
export type Pair = Selectable<PairsTable>;
export type PairStatusChange = Selectable<PairStatusChangesTable>;
export type MatchLock = Selectable<MatchLocksTable>;
export type PairNote = Selectable<PairNotesTable>;
export type PulseCheckIn = Selectable<PulseCheckInsTable>;
export type ExitSurvey = Selectable<ExitSurveysTable>;
export type PairAgreementRow = Selectable<PairAgreementsTable>;
export type OutcomeFollowUp = Selectable<OutcomeFollowUpsTable>;
export type PairFollowUp = Selectable<PairFollowUpsTable>;

/** An organization as code reads it: everything but the key of its export codes. */
export type Organization = Omit<Selectable<OrganizationsTable>, 'export_secret'>;
export type StaffUserRow = Selectable<StaffUsersTable>;
export type NewStaffUser = Insertable<StaffUsersTable>;
export type StaffUserUpdate = Updateable<StaffUsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type StaffTwoFactorRow = Selectable<StaffTwoFactorTable>;
export type OneTimeTokenRow = Selectable<OneTimeTokensTable>;
export type AuditEntry = Selectable<AuditLogTable>;
