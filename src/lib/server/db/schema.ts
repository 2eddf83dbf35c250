import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type StaffRole = 'admin' | 'coordinator';
export type StaffStatus = 'active' | 'disabled';
export type OneTimeTokenPurpose = 'setup' | 'invitation';

export interface OrganizationsTable {
	id: string;
	name: string;
	default_language: Generated<string>;
	created_at: number;
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
	created_at: number;
	last_verified_at: number;
	user_agent: string | null;
	ip: string | null;
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
	wave: 'pre' | 'mid' | 'post';
	type: 'scale' | 'choice' | 'multi' | 'number' | 'text';
	required: number;
	critical: number;
	follows_key: string | null;
	direction: 'ascending' | 'descending' | null;
	unit: string | null;
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

export interface Database {
	organizations: OrganizationsTable;
	staff_users: StaffUsersTable;
	sessions: SessionsTable;
	one_time_tokens: OneTimeTokensTable;
	audit_log: AuditLogTable;
	instruments: InstrumentsTable;
	instrument_versions: InstrumentVersionsTable;
	instrument_constructs: InstrumentConstructsTable;
	instrument_items: InstrumentItemsTable;
	instrument_options: InstrumentOptionsTable;
	instrument_wordings: InstrumentWordingsTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type StaffUserRow = Selectable<StaffUsersTable>;
export type NewStaffUser = Insertable<StaffUsersTable>;
export type StaffUserUpdate = Updateable<StaffUsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type OneTimeTokenRow = Selectable<OneTimeTokensTable>;
export type AuditEntry = Selectable<AuditLogTable>;
