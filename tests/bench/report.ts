export interface Measure {
	measure: string;
	/** Null for a measure that does not apply to this engine. */
	value: number | null;
	unit: string;
	/** Null for a measure reported for context, with no budget of its own. */
	budget: number | null;
	/** Whether the budget is a ceiling (times, sizes) or a floor (throughput). */
	kind: 'at_most' | 'at_least';
	what: string;
	/** Figures reported beside the value, with no budget of their own: added to its JSON line. */
	extra?: Record<string, number | string>;
}

export function isOk(m: Measure): boolean {
	if (m.budget === null || m.value === null) return true;
	return m.kind === 'at_most' ? m.value <= m.budget : m.value >= m.budget;
}

const round = (n: number) => (Number.isInteger(n) ? n : Math.round(n * 100) / 100);

const extras = (m: Measure) =>
	Object.entries(m.extra ?? {}).map(([key, value]): [string, number | string] => [
		key,
		typeof value === 'number' ? round(value) : value
	]);

/** The machine-readable line the issue asks for: one JSON object per measure, with its engine. */
export function jsonLine(m: Measure, engine: string): string {
	return JSON.stringify({
		engine,
		measure: m.measure,
		value: m.value === null ? null : round(m.value),
		unit: m.unit,
		budget: m.budget === null ? null : round(m.budget),
		ok: isOk(m),
		...Object.fromEntries(extras(m))
	});
}

function budgetText(m: Measure): string {
	if (m.budget === null) return '—';
	return `${m.kind === 'at_most' ? '≤' : '≥'} ${round(m.budget).toLocaleString('en')}`;
}

/** A Markdown table, readable in a terminal and pasted as is into README's Performance section. */
export function table(measures: Measure[]): string {
	const rows = measures.map((m) => [
		`\`${m.measure}\``,
		[m.what, ...extras(m).map(([key, value]) => `${key} ${value.toLocaleString('en')}`)].join('; '),
		m.value === null ? 'n/a' : `${round(m.value).toLocaleString('en')} ${m.unit}`,
		budgetText(m),
		m.budget === null ? '' : isOk(m) ? 'ok' : '**missed**'
	]);
	const header = ['measure', 'what', 'value', 'budget', ''];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
