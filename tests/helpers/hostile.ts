import fc from 'fast-check';
import {
	FIELD_NAMES,
	Bytes,
	Huge,
	Upload,
	bytesOf,
	hostileValue,
	invalidUtf8,
	percent,
	utf8,
	type HostileValue
} from './hostile-values';

/** A form as a browser would post it: fields in order, a name may repeat. */
export type FormFields = [string, string][];

const FORM_TYPE = 'application/x-www-form-urlencoded';

export type HostileFields = [string, HostileValue][];

/** A whole request body, as hostile as the fields in it. */
export type HostileBody =
	| { kind: 'urlencoded'; fields: HostileFields }
	| { kind: 'multipart'; fields: HostileFields }
	/** Posted from JavaScript (`use:enhance`): the app answers JSON. */
	| { kind: 'enhanced'; fields: HostileFields }
	| { kind: 'raw'; body: string | Bytes | Huge; contentType: string | null };

export interface HostileRequest {
	body: HostileBody;
	/** `other` and `missing` are cross-site posts: refused before any action runs. */
	origin: 'same' | 'other' | 'missing';
}

const namesOf = (fields: FormFields) => [...new Set(fields.map(([name]) => name))];

/** The valid form with exactly one thing wrong with it. */
function mutatedFields(valid: FormFields, ids: readonly string[]): fc.Arbitrary<HostileFields> {
	const names = namesOf(valid);
	const value = hostileValue(ids);
	const extra = fc
		.tuple(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 20 })), value)
		.map(([name, v]): HostileFields => [...valid, [name, v]]);
	if (names.length === 0) return fc.oneof(extra, fc.constant<HostileFields>([]));
	const field = fc.constantFrom(...names);
	const replaced = fc
		.tuple(field, value)
		.map(([name, v]): HostileFields =>
			valid.map(([n, old]): [string, HostileValue] => [n, n === name ? v : old])
		);
	const missing = field.map((name): HostileFields => valid.filter(([n]) => n !== name));
	const duplicated = fc.tuple(field, value, fc.boolean()).map(([name, v, first]): HostileFields => {
		const at = valid.findIndex(([n]) => n === name);
		const copy: HostileFields = [...valid];
		copy.splice(first ? at : at + 1, 0, [name, v]);
		return copy;
	});
	return fc.oneof(
		{ weight: 6, arbitrary: replaced },
		{ weight: 2, arbitrary: missing },
		{ weight: 2, arbitrary: duplicated },
		{ weight: 1, arbitrary: extra },
		{ weight: 1, arbitrary: fc.constant<HostileFields>([]) }
	);
}

const rawBody = (valid: FormFields): fc.Arbitrary<HostileBody> => {
	const query = new URLSearchParams(valid).toString();
	return fc.oneof(
		fc.constant<HostileBody>({
			kind: 'raw',
			body: JSON.stringify(Object.fromEntries(valid)),
			contentType: 'application/json'
		}),
		fc.constant<HostileBody>({ kind: 'raw', body: query, contentType: 'text/plain' }),
		fc.constant<HostileBody>({ kind: 'raw', body: query, contentType: null }),
		fc.constant<HostileBody>({ kind: 'raw', body: `${query}&%E0%A4%A=%`, contentType: FORM_TYPE }),
		fc.constant<HostileBody>({
			kind: 'raw',
			body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nunfinished',
			contentType: 'multipart/form-data; boundary=x'
		}),
		fc.constant<HostileBody>({ kind: 'raw', body: query, contentType: 'multipart/form-data' }),
		fc.constant<HostileBody>({
			kind: 'raw',
			body: new Huge('a=b&', 300_000),
			contentType: FORM_TYPE
		}),
		invalidUtf8.map((bytes): HostileBody => ({ kind: 'raw', body: bytes, contentType: FORM_TYPE }))
	);
};

/** Requests made from a valid form: one field mutated, or the whole body or origin wrong. */
export function hostileRequest(
	valid: FormFields,
	ids: readonly string[] = []
): fc.Arbitrary<HostileRequest> {
	const encoded = fc
		.tuple(
			mutatedFields(valid, ids),
			fc.constantFrom('urlencoded', 'multipart', 'multipart', 'enhanced')
		)
		.map(([fields, kind]) => ({ kind, fields }) as HostileBody);
	return fc.oneof(
		{ weight: 12, arbitrary: encoded.map((body): HostileRequest => ({ body, origin: 'same' })) },
		{
			weight: 2,
			arbitrary: rawBody(valid).map((body): HostileRequest => ({ body, origin: 'same' }))
		},
		{
			weight: 1,
			arbitrary: fc
				.constantFrom<HostileRequest['origin']>('other', 'missing')
				.map((origin): HostileRequest => ({ body: { kind: 'urlencoded', fields: valid }, origin }))
		}
	);
}

function urlencoded(fields: HostileFields): string {
	return fields
		.map(([name, value]) => {
			const content = value instanceof Upload ? value.content : value;
			const encoded =
				content instanceof Bytes
					? percent(bytesOf(content))
					: new URLSearchParams([['', content instanceof Huge ? content.text() : content]])
							.toString()
							.slice(1);
			return `${new URLSearchParams([[name, '']]).toString().slice(0, -1)}=${encoded}`;
		})
		.join('&');
}

/** As browsers write a field name into a multipart header. */
const headerName = (name: string) =>
	name.replaceAll('"', '%22').replaceAll('\r', '%0D').replaceAll('\n', '%0A');

function multipart(fields: HostileFields, boundary: string): Uint8Array<ArrayBuffer> {
	const parts: Uint8Array[] = [];
	for (const [name, value] of fields) {
		const head =
			value instanceof Upload
				? `; filename="${headerName(value.name)}"\r\nContent-Type: ${value.type}`
				: '';
		parts.push(
			utf8.encode(
				`--${boundary}\r\nContent-Disposition: form-data; name="${headerName(name)}"${head}\r\n\r\n`
			),
			bytesOf(value instanceof Upload ? value.content : value),
			utf8.encode('\r\n')
		);
	}
	parts.push(utf8.encode(`--${boundary}--\r\n`));
	return Uint8Array.from(Buffer.concat(parts));
}

/** The bytes and content type to send, and whether the app will answer JSON. */
export function encodeBody(body: HostileBody): {
	bytes: Uint8Array<ArrayBuffer> | string;
	contentType: string | null;
	json: boolean;
} {
	if (body.kind === 'raw') {
		const raw = typeof body.body === 'string' ? body.body : bytesOf(body.body);
		return { bytes: raw, contentType: body.contentType, json: false };
	}
	if (body.kind === 'urlencoded')
		return { bytes: urlencoded(body.fields), contentType: FORM_TYPE, json: false };
	const boundary = '----hostile' + Math.random().toString(36).slice(2);
	return {
		bytes: multipart(body.fields, boundary),
		contentType: `multipart/form-data; boundary=${boundary}`,
		json: body.kind === 'enhanced'
	};
}

/** Markup that would run if a page showed stored text without escaping it. */
export const RAW_MARKUP =
	/<script>alert|<(?:img|svg|iframe)\b[^>]*\b(?:onerror|onload|src=javascript:)/i;

/** Text that would become markup in a page if stored and shown unescaped; `marker` finds it again. */
export const STORED_MARKUP: ((marker: string) => string)[] = [
	(marker) => `<script>alert("${marker}")</script>`,
	(marker) => `"><img src=x onerror=alert("${marker}")>`,
	(marker) => `'><svg onload=alert('${marker}')>`,
	(marker) => `</textarea><script>alert("${marker}")</script>`,
	(marker) => `<iframe src=javascript:alert("${marker}")>`
];

/** A cell a spreadsheet would run: starts like a formula and is not a plain number. */
export function isFormulaCell(cell: string): boolean {
	return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(?:[.,]\d+)?$/.test(cell);
}

/** Counts the cases every property tried, and how many the app accepted, to show it tried enough. */
export class CaseCounter {
	readonly byProperty = new Map<string, { tried: number; accepted: number }>();
	add(property: string): void {
		const counts = this.byProperty.get(property) ?? { tried: 0, accepted: 0 };
		counts.tried++;
		this.byProperty.set(property, counts);
	}
	accept(property: string): void {
		this.byProperty.get(property)!.accepted++;
	}
	get total(): number {
		return [...this.byProperty.values()].reduce((sum, counts) => sum + counts.tried, 0);
	}
	/** One line per property: `name: tried (accepted)`. */
	report(): string {
		return [...this.byProperty]
			.map(([name, { tried, accepted }]) => `${name}: ${tried} (${accepted} accepted)`)
			.join('\n');
	}
}
