import { downloadParticipant } from '$lib/server/privacy/download-participant';

export function GET(event) {
	return downloadParticipant(event, 'json');
}
