import nodemailer from 'nodemailer';
import type { Db } from '../db';
import { claimNextMessage, markFailed, markSent } from './outbox';

export interface Mailer {
	send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** A mailer when SMTP_URL is set; without one, messages wait in the outbox for staff to copy. */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
	if (!env.SMTP_URL) return null;
	const transport = nodemailer.createTransport(env.SMTP_URL);
	const from = env.MAIL_FROM || 'Tandem <no-reply@localhost>';
	return {
		async send(message) {
			await transport.sendMail({ from, ...message });
		}
	};
}

/** At most this many messages per pass; the next pass sends the rest. */
const MOST_PER_PASS = 50;

/** Sends what is due, one message at a time; a failure is kept with its error and retried later. */
export async function deliverDueMessages(
	db: Db,
	mailer: Mailer,
	now = Date.now()
): Promise<{ sent: number; failed: number }> {
	let sent = 0;
	let failed = 0;
	for (let i = 0; i < MOST_PER_PASS; i++) {
		const message = await claimNextMessage(db, now);
		if (!message) break;
		try {
			await mailer.send({ to: message.to_address, subject: message.subject, text: message.body });
			await markSent(db, message);
			sent += 1;
		} catch (error) {
			await markFailed(db, message, error instanceof Error ? error.message : String(error), now);
			failed += 1;
		}
	}
	return { sent, failed };
}
