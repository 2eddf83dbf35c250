/**
 * `;` when the header line has more semicolons than commas outside quotes, else `,`: French-locale
 * spreadsheets save CSV with semicolons.
 */
export function detectDelimiter(text: string): ',' | ';' {
	let semicolons = 0;
	let commas = 0;
	let quoted = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && char === ';') semicolons++;
		else if (!quoted && char === ',') commas++;
	}
	return semicolons > commas ? ';' : ',';
}
