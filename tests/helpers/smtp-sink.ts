import { SMTPServer } from 'smtp-server';
import { freePort } from './server';

export interface ReceivedMail {
	to: string[];
	raw: string;
	/** The message with quoted-printable soft breaks and escapes undone. */
	text: string;
}

function decodeQuotedPrintable(raw: string): string {
	const joined = raw.replace(/=\r?\n/g, '');
	const bytes: number[] = [];
	for (let i = 0; i < joined.length; i++) {
		const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
		if (/^[0-9A-F]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16));
			i += 2;
		} else {
			bytes.push(...new TextEncoder().encode(joined[i]!));
		}
	}
	return new TextDecoder().decode(new Uint8Array(bytes));
}

/** A local SMTP server on 127.0.0.1 that keeps every message it receives. */
export async function startSmtpSink(): Promise<{
	url: string;
	received: ReceivedMail[];
	stop(): Promise<void>;
}> {
	const received: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			let raw = '';
			stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
			stream.on('end', () => {
				received.push({
					to: session.envelope.rcptTo.map((r) => r.address),
					raw,
					text: decodeQuotedPrintable(raw)
				});
				callback();
			});
		}
	});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
