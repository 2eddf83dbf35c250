import { m } from '$lib/paraglide/messages';
import { participantLocale, textDirection } from '$lib/i18n/locales';
import { formatIsoDate } from '$lib/time/format';

export interface MessageParts {
	kind: 'invitation' | 'reminder';
	language: string;
	name: string;
	program: string;
	organization: string;
	link: string;
	closesOn: string;
}

/**
 * Plain-text mail in the person's language (English for a language Tandem has no messages in):
 * short lines, the link alone on its line. In a right-to-left language, names typed in another
 * script are isolated (U+2068 … U+2069) so they cannot reorder the sentence around them.
 */
export function composeMessage(parts: MessageParts): { subject: string; body: string } {
	const locale = participantLocale(parts.language) ?? 'en';
	const options = { locale } as const;
	const date = formatIsoDate(parts.closesOn, locale);
	if (textDirection(locale) === 'rtl') parts = isolateNames(parts);
	const subject =
		parts.kind === 'invitation'
			? m.mail_invitation_subject({ program: parts.program }, options)
			: m.mail_reminder_subject({ program: parts.program }, options);
	const body = [
		greetable(parts.name)
			? m.mail_greeting({ name: parts.name }, options)
			: m.mail_greeting_neutral({}, options),
		'',
		parts.kind === 'invitation'
			? m.mail_invitation_body({ program: parts.program }, options)
			: m.mail_reminder_body({}, options),
		'',
		m.mail_link_intro({}, options),
		parts.link,
		'',
		m.mail_closes({ date }, options),
		'',
		m.mail_signature({ organization: parts.organization }, options)
	].join('\n');
	return { subject, body };
}

/** The short messages about a pair between and after its surveys. */
export type PairMessageKind =
	'check_in' | 'check_in_reminder' | 'exit_survey' | 'follow_up' | 'follow_up_reminder';

const PAIR_MESSAGES = {
	check_in: { subject: m.mail_checkin_subject, body: m.mail_checkin_body },
	check_in_reminder: { subject: m.mail_checkin_subject, body: m.mail_checkin_reminder_body },
	exit_survey: { subject: m.mail_exit_subject, body: m.mail_exit_body },
	follow_up: { subject: m.mail_followup_subject, body: m.mail_followup_body },
	follow_up_reminder: { subject: m.mail_followup_subject, body: m.mail_followup_reminder_body }
} as const;

/**
 * A pulse check-in's invitation or reminder, or an exit survey's: as short as what it asks, with
 * the same greeting, link and signature as a survey's.
 */
export function composePairMessage(
	kind: PairMessageKind,
	parts: Omit<MessageParts, 'closesOn' | 'kind'>
): { subject: string; body: string } {
	const locale = participantLocale(parts.language) ?? 'en';
	const options = { locale } as const;
	if (textDirection(locale) === 'rtl') parts = isolateNames(parts);
	const texts = PAIR_MESSAGES[kind];
	const body = [
		greetable(parts.name)
			? m.mail_greeting({ name: parts.name }, options)
			: m.mail_greeting_neutral({}, options),
		'',
		texts.body({}, options),
		'',
		m.mail_link_intro({}, options),
		parts.link,
		'',
		m.mail_signature({ organization: parts.organization }, options)
	].join('\n');
	return { subject: texts.subject({ program: parts.program }, options), body };
}

function isolateNames<T extends Pick<MessageParts, 'name' | 'program' | 'organization'>>(
	parts: T
): T {
	const isolate = (text: string) => `\u2068${text}\u2069`;
	return {
		...parts,
		name: isolate(parts.name),
		program: isolate(parts.program),
		organization: isolate(parts.organization)
	};
}

/**
 * Whether a name can stand in a plain-text greeting as typed. Mail clients turn anything that
 * looks like an address into a link, so a "name" such as `=HYPERLINK("http://evil.example","x")`
 * would hand a stranger's link to the person in our words: such a name, or one with a line
 * break, gets the greeting without a name. Anything like a scheme (`http:`, `mailto:`), `www.`,
 * an `@`, or a dot with letters right after it (`evil.example`) counts; a rare real name written
 * `St.Pierre` loses only its mention in the greeting.
 */
export function greetable(name: string): boolean {
	return !/[a-z][a-z0-9+.-]*:|www\.|@|\.\p{L}{2}|[\p{Cc}\u2028\u2029]/iu.test(name);
}

/** What stays in the outbox once a message is delivered: the text without the secret. */
export function redactLinks(body: string): string {
	return body.replace(/\/l\/[a-z2-7]{32}/g, '/l/[sent]');
}
