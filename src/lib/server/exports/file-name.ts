/** A download name any system accepts: the program's name in plain ASCII, the export and the day. */
export function exportFileName(
	programName: string,
	dataset: string,
	extension: string,
	day: string
): string {
	const slug = programName
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return `tandem-${slug || 'program'}-${dataset}-${day}.${extension}`;
}
