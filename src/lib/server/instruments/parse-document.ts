import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { InstrumentDocument } from '$lib/instruments/types';
import { instrumentSchema } from './document-schema';

export const MAX_DOCUMENT_BYTES = 1024 * 1024;

export interface DocumentProblem {
	/** Where in the JSON, e.g. `constructs[0].items[3].wording.mentor.fr`. */
	path: string;
	message: string;
}

export type ParsedDocument =
	{ ok: true; document: InstrumentDocument } | { ok: false; problems: DocumentProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
	if (path.length === 0) return '$';
	return path
		.map((part, i) =>
			typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`
		)
		.join('');
}

function describe(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined
				? m.import_error_missing()
				: m.import_error_type({ expected: issue.expected });
		case 'invalid_value':
			// Our own messages (such as the one for `format`) win over zod's generic "Invalid …".
			return issue.message.startsWith('Invalid')
				? m.import_error_one_of({ values: issue.values.map(String).join(', ') })
				: issue.message;
		case 'unrecognized_keys':
			return m.import_error_unknown_fields({ keys: issue.keys.join(', ') });
		case 'too_small':
			return m.import_error_too_small({ minimum: String(issue.minimum) });
		case 'too_big':
			return m.import_error_too_big({ maximum: String(issue.maximum) });
		default:
			return issue.message;
	}
}

/** Validates a document object; `complete` as in `instrumentSchema`. */
export function parseInstrumentDocument(
	input: unknown,
	options = { complete: true }
): ParsedDocument {
	const result = instrumentSchema(options).safeParse(input);
	if (result.success) return { ok: true, document: result.data as InstrumentDocument };
	return {
		ok: false,
		problems: result.error.issues.map((issue) => ({
			path: formatPath(issue.path),
			message: describe(issue)
		}))
	};
}

/** An uploaded file: size, then JSON syntax, then every rule, each problem with its JSON path. */
export function parseInstrumentJson(json: string): ParsedDocument {
	if (new TextEncoder().encode(json).length > MAX_DOCUMENT_BYTES) {
		return {
			ok: false,
			problems: [{ path: '$', message: m.import_error_file_too_large({ megabytes: 1 }) }]
		};
	}
	let input: unknown;
	try {
		input = JSON.parse(json);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { ok: false, problems: [{ path: '$', message: m.import_error_json({ reason }) }] };
	}
	return parseInstrumentDocument(input);
}
