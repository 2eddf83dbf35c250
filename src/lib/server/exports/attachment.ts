import type { CsvSeparator } from './export-files';
import type { ExportFile } from './program-export';

/** The separator a download link asks for (`?separator=semicolon`, as French Excel reads). */
export function separatorOf(url: URL): CsvSeparator {
	return url.searchParams.get('separator') === 'semicolon' ? 'semicolon' : 'comma';
}

/** A file of personal data to save: downloaded under its name, never kept by a cache. */
export function attachment(file: ExportFile): Response {
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}
