import fc from 'fast-check';
import { CSV_COLUMNS } from '../../src/lib/server/participants/csv-columns';
import { hostileRequest, type HostileRequest } from './hostile';
import { Bytes, Huge, Upload, hostileValue, invalidUtf8, randomBytes } from './hostile-values';

const CSV_HEADER: string[] = [...CSV_COLUMNS];

/** A cell as a hostile spreadsheet would hold it: quotes, separators, line breaks left raw. */
const csvCell = fc.oneof(
	fc.constantFrom(
		'mentor',
		'protege',
		'employer',
		'en',
		'fr',
		'ann@example.org',
		'2027-02-30',
		'"',
		'""',
		';',
		'\r\n'
	),
	hostileValue().filter((value): value is string => typeof value === 'string')
);

/** CSV files people (or attackers) upload: the template's shape with hostile cells, or not CSV at all. */
export const hostileCsv: fc.Arbitrary<string | Bytes | Huge> = fc.oneof(
	{
		weight: 5,
		arbitrary: fc
			.tuple(
				fc.shuffledSubarray(CSV_HEADER, { minLength: 0 }),
				fc.array(fc.array(csvCell, { maxLength: 10 }), { maxLength: 20 }),
				fc.constantFrom(',', ';', '\t'),
				fc.constantFrom('\n', '\r\n', '\r'),
				fc.constantFrom('', '\ufeff')
			)
			.map(
				([header, rows, separator, newline, bom]) =>
					bom + [header, ...rows].map((row) => row.join(separator)).join(newline)
			)
	},
	{ weight: 2, arbitrary: randomBytes },
	{ weight: 1, arbitrary: invalidUtf8 },
	{
		weight: 1,
		arbitrary: fc.constantFrom<string | Huge>(
			'',
			'\ufeff',
			`${CSV_HEADER.join(',')}\n${'mentor,Ann,ann@example.org,,en,,,,\n'.repeat(6000)}`,
			new Huge(`${'x'.repeat(99)}\n`, 30_000),
			'role,name,email,language\nmentor,"unclosed,ann@example.org,en\n'
		)
	}
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function jsonPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
	const here = [path];
	if (Array.isArray(value)) return here.concat(...value.map((v, i) => jsonPaths(v, [...path, i])));
	if (value && typeof value === 'object')
		return here.concat(...Object.entries(value).map(([k, v]) => jsonPaths(v, [...path, k])));
	return here;
}

function replaceAt(value: Json, path: (string | number)[], replacement: Json): Json {
	if (path.length === 0) return replacement;
	const [head, ...rest] = path;
	const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
		string,
		Json
	>;
	copy[head!] = replaceAt(copy[head!]!, rest, replacement);
	return copy as Json;
}

const hostileJson: fc.Arbitrary<Json> = fc.oneof(
	fc.constantFrom<Json>(
		null,
		true,
		-1,
		1e308,
		0.5,
		'',
		[],
		{},
		JSON.parse('{"__proto__":1}'),
		'zz',
		'x'.repeat(5000)
	),
	hostileValue().filter((value): value is string => typeof value === 'string'),
	fc.json({ maxDepth: 3 }).map((text) => JSON.parse(text) as Json)
);

/**
 * Survey files to import: an exported survey with one value anywhere replaced, or something that
 * is not a survey at all. `exported` is a real export's JSON.
 */
export function hostileSurveyFile(exported: string): fc.Arbitrary<string | Bytes | Huge> {
	const document = JSON.parse(exported) as Json;
	const paths = jsonPaths(document);
	return fc.oneof(
		{
			weight: 6,
			arbitrary: fc
				.tuple(fc.nat({ max: paths.length - 1 }), hostileJson)
				.map(([at, value]) => JSON.stringify(replaceAt(document, paths[at]!, value)))
		},
		{ weight: 1, arbitrary: fc.json().map(String) },
		{ weight: 1, arbitrary: randomBytes },
		{
			weight: 1,
			arbitrary: fc.constantFrom<string | Huge>(
				'',
				exported.slice(0, exported.length / 2),
				'['.repeat(100_000),
				new Huge(' ', 1024 * 1024 + 1),
				exported.replace('{', '{"__proto__":{"polluted":true},')
			)
		}
	);
}

/** An upload form posted with a hostile file, or posted wrong (no file, text, several files). */
export function hostileUpload(
	field: string,
	fileName: string,
	type: string,
	contents: fc.Arbitrary<string | Bytes | Huge>
): fc.Arbitrary<HostileRequest> {
	const name = fc.oneof(
		{ weight: 4, arbitrary: fc.constant(fileName) },
		{
			weight: 1,
			arbitrary: fc.constantFrom(
				'<script>alert(1)</script>.csv',
				'../../etc/passwd',
				'',
				'a"b.csv',
				'x'.repeat(500)
			)
		}
	);
	const file = fc.tuple(name, contents).map(([n, content]) => new Upload(n, content, type));
	return fc.oneof(
		{
			weight: 6,
			arbitrary: file.map((upload): HostileRequest => ({
				body: { kind: 'multipart', fields: [[field, upload]] },
				origin: 'same'
			}))
		},
		{
			weight: 1,
			arbitrary: fc.tuple(file, file).map(([a, b]): HostileRequest => ({
				body: {
					kind: 'multipart',
					fields: [
						[field, a],
						[field, b]
					]
				},
				origin: 'same'
			}))
		},
		{ weight: 2, arbitrary: hostileRequest([[field, fileName]]) }
	);
}
