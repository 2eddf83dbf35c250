import { m } from '$lib/paraglide/messages';
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

/** Plain-text mail in the person's language: short lines, the link alone on its line. */
export function composeMessage(parts: MessageParts): { subject: string; body: string } {
	const locale = parts.language === 'fr' ? 'fr' : 'en';
	const options = { locale } as const;
	const date = formatIsoDate(parts.closesOn, locale);
	const subject =
		parts.kind === 'invitation'
			? m.mail_invitation_subject({ program: parts.program }, options)
			: m.mail_reminder_subject({ program: parts.program }, options);
	const body = [
		m.mail_greeting({ name: parts.name }, options),
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

/** What stays in the outbox once a message is delivered: the text without the secret. */
export function redactLinks(body: string): string {
	return body.replace(/\/l\/[a-z2-7]{32}/g, '/l/[sent]');
}
