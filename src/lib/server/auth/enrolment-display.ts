import QRCode from 'qrcode';
import { keyForTyping, totpKeyUri } from './totp';

export interface EnrolmentDisplay {
	/** The otpauth address as an SVG QR code (a data URL). */
	qrCode: string;
	/** The same key for typing by hand, in groups of four. */
	typedKey: string;
}

/** What the set-up page shows for an authenticator app; only ever sent to the key's owner. */
export async function displayEnrolmentKey(
	key: Uint8Array,
	accountName: string
): Promise<EnrolmentDisplay> {
	const uri = totpKeyUri('Tandem', accountName, key);
	const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return {
		qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
		typedKey: keyForTyping(key)
	};
}
