import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Right-to-left languages reverse the inline axis, so the app's CSS says start and end, never
 * left and right: `margin-inline-start` for `margin-left`, `text-align: start` for `left`, and so
 * on. This spec reads the CSS of every Svelte component under src/ (its `<style>` blocks, its
 * `style="…"` attributes and `style:` directives) and src/app.css, and lists each physical
 * declaration by file and line. A shadow or shape that has to mirror keeps its left-to-right
 * value and gets its own `:dir(rtl)` rule, which this check does not see (it has no left/right).
 */

type Finding = { offset: number; declaration: string; reason: string };

/** Properties whose values are author-chosen names, where a word "left" is not a direction. */
const namedValueProperties =
	/^(grid-area|grid-row(-start|-end)?|grid-column(-start|-end)?|grid-template-areas|animation(-name)?|font-family|counter-(reset|increment|set)|view-transition-name|container(-name)?|anchor-name|position-anchor)$/;

/** Four-value box shorthands whose second (right) and fourth (left) values must be equal. */
const boxShorthands =
	/^(margin|padding|inset|scroll-margin|scroll-padding|border-width|border-style|border-color)$/;

/** Splits a value into its top-level space-separated parts, keeping `calc(a + b)` whole. */
function valueParts(value: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (const char of value.trim()) {
		if (char === '(') depth++;
		if (char === ')') depth--;
		if (/\s/.test(char) && depth === 0) {
			if (current) parts.push(current);
			current = '';
		} else {
			current += char;
		}
	}
	if (current) parts.push(current);
	return parts;
}

/** Why one declaration is physical, or null when it reads the same either way round. */
export function physicalReason(property: string, value: string): string | null {
	const prop = property.trim().toLowerCase();
	if (prop.startsWith('--')) return null; // custom property: its name is the author's own
	if (/(^|-)(left|right)(-|$)/.test(prop)) return `physical property ${prop}`;
	const bare = value
		.replace(/!important/gi, '')
		.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""') // strings say nothing of direction
		.replace(/var\(\s*--[\w-]*/g, 'var(') // nor do the names of custom properties
		.replace(/url\([^)]*\)/g, 'url()');
	if (!namedValueProperties.test(prop) && /(^|[^\w-])(left|right)(?![\w-])/i.test(bare)) {
		return `physical value in ${prop}: ${value.trim()}`;
	}
	if (boxShorthands.test(prop)) {
		const parts = valueParts(bare);
		if (parts.length === 4 && parts[1] !== parts[3]) {
			return `${prop} shorthand with different right and left (${value.trim()})`;
		}
	}
	if (prop === 'border-radius' && !bare.includes('/')) {
		const [a, b = a, c = a, d = b] = valueParts(bare);
		if (a !== b || c !== d) return `border-radius with different left and right corners`;
	}
	return null;
}

/** Blanks CSS comments (keeping line breaks, so offsets and lines stay where they were). */
function stripComments(css: string): string {
	let out = '';
	let quote: string | null = null;
	for (let i = 0; i < css.length; i++) {
		const char = css[i];
		if (quote) {
			out += char;
			if (char === '\\') out += css[++i] ?? '';
			else if (char === quote) quote = null;
		} else if (char === '"' || char === "'") {
			quote = char;
			out += char;
		} else if (char === '/' && css[i + 1] === '*') {
			const end = css.indexOf('*/', i + 2);
			const stop = end === -1 ? css.length : end + 2;
			out += css.slice(i, stop).replace(/[^\n]/g, ' ');
			i = stop - 1;
		} else {
			out += char;
		}
	}
	return out;
}

/**
 * The physical declarations in a piece of CSS (a stylesheet, or a declaration list when
 * `declarationList` is set). Selectors and at-rule preludes (text before `{`) are not looked at,
 * so `.left:hover` or `@media (…)` are not findings; offsets are into `css`.
 */
export function findPhysical(css: string, declarationList = false): Finding[] {
	const text = stripComments(css);
	const findings: Finding[] = [];
	let start = 0;
	let quote: string | null = null;
	let parens = 0;
	const end = (stop: number, terminator: string) => {
		const segment = text.slice(start, stop);
		if (terminator !== '{') {
			const colon = segment.indexOf(':');
			const trimmed = segment.trim();
			if (colon !== -1 && !trimmed.startsWith('@')) {
				const reason = physicalReason(segment.slice(0, colon), segment.slice(colon + 1));
				const lead = segment.length - segment.trimStart().length;
				if (reason) findings.push({ offset: start + lead, declaration: trimmed, reason });
			}
		}
		start = stop + 1;
	};
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quote) {
			if (char === '\\') i++;
			else if (char === quote) quote = null;
		} else if (char === '"' || char === "'") quote = char;
		else if (char === '(') parens++;
		else if (char === ')') parens = Math.max(0, parens - 1);
		else if (parens === 0 && (char === '{' || char === '}' || char === ';')) end(i, char);
	}
	if (declarationList || start < text.length) end(text.length, ';');
	return findings;
}

/** The CSS of a Svelte component: style blocks, style attributes and style: directives. */
export function findPhysicalInSvelte(source: string): { findings: Finding[]; hasCss: boolean } {
	const findings: Finding[] = [];
	let hasCss = false;
	for (const match of source.matchAll(/(<style\b[^>]*>)([\s\S]*?)<\/style>/g)) {
		hasCss = true;
		const base = match.index + match[1]!.length;
		for (const f of findPhysical(match[2]!)) findings.push({ ...f, offset: base + f.offset });
	}
	// Markup only: scripts and style blocks blanked (same length, so offsets still hold).
	const markup = source.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, (block) =>
		block.replace(/[^\n]/g, ' ')
	);
	for (const match of markup.matchAll(/(?<![\w:-])style\s*=\s*(["'])([\s\S]*?)\1/g)) {
		hasCss = true;
		const base = match.index + match[0].indexOf(match[1]!) + 1;
		for (const f of findPhysical(match[2]!, true)) findings.push({ ...f, offset: base + f.offset });
	}
	for (const match of markup.matchAll(
		/(?<![\w-])style:(--)?([\w-]+)(?:\|important)?(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g
	)) {
		hasCss = true;
		if (match[1]) continue; // style:--custom-property
		const value = match[3] ?? match[4] ?? '';
		const reason = physicalReason(match[2]!, value.replace(/\{[^}]*\}/g, ''));
		if (reason) findings.push({ offset: match.index, declaration: match[0], reason });
	}
	return { findings, hasCss };
}

function lineOf(source: string, offset: number): number {
	return source.slice(0, offset).split('\n').length;
}

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : svelteFiles(path);
		return entry.name.endsWith('.svelte') ? [path] : [];
	});
}

describe('the checker', () => {
	it('finds physical declarations, with their lines', () => {
		const sample = [
			'.a {',
			'\tmargin-left: 1rem;',
			'\ttext-align: right;',
			'}',
			'.b { float: left; clear: right; right: 0; border-top-left-radius: 4px }',
			'.c { padding: 0 1rem 0 0; border-right-color: red; background-position: left top }'
		].join('\n');
		const findings = findPhysical(sample);
		expect(findings.map((f) => [lineOf(sample, f.offset), f.declaration])).toEqual([
			[2, 'margin-left: 1rem'],
			[3, 'text-align: right'],
			[5, 'float: left'],
			[5, 'clear: right'],
			[5, 'right: 0'],
			[5, 'border-top-left-radius: 4px'],
			[6, 'padding: 0 1rem 0 0'],
			[6, 'border-right-color: red'],
			[6, 'background-position: left top']
		]);
	});

	it('finds none in logical CSS, selectors, comments, strings or custom property names', () => {
		const sample = `
			/* Formerly margin-left: 1rem; text-align: right. */
			.left:hover, .right > a, [data-side='left'] {
				inset-inline-start: 0;
				margin-inline: 1rem 0;
				padding: 0 1rem 0 1rem;
				justify-content: flex-end;
				text-align: start;
				float: inline-end;
				border-start-end-radius: 4px;
				--left-var: 2px;
				--gutter: left;
				width: var(--left-var);
				content: 'left →';
				grid-area: left;
			}
			@media (min-width: 30rem) { .x { margin-block: 0.25rem 0.5rem } }
			.row:dir(rtl) { box-shadow: inset -6px 0 0 red; }
		`;
		expect(findPhysical(sample)).toEqual([]);
	});

	it('reads a component’s style blocks, style attributes and style: directives', () => {
		const source = [
			'<script>',
			"\tconst left = 'margin-left: 1rem';",
			'</script>',
			'<p class="left" style="color: red; padding-right: 2px">x</p>',
			'<div style:left="{x}px" style:margin-inline-start={y} style:--left-gap={z}></div>',
			'<style>',
			'\t/* text-align: left */',
			'\t.left { text-align: left; }',
			'</style>'
		].join('\n');
		const { findings, hasCss } = findPhysicalInSvelte(source);
		expect(hasCss).toBe(true);
		expect(findings.map((f) => [lineOf(source, f.offset), f.declaration]).sort()).toEqual([
			[4, 'padding-right: 2px'],
			[5, 'style:left="{x}px"'],
			[8, 'text-align: left']
		]);
	});
});

describe('the app’s CSS', () => {
	it('uses logical properties, never left or right', () => {
		const srcDir = fileURLToPath(new URL('..', import.meta.url));
		const root = join(srcDir, '..');
		const problems: string[] = [];
		let withCss = 0;
		const files = [...svelteFiles(srcDir), join(srcDir, 'app.css')];
		for (const file of files) {
			const source = readFileSync(file, 'utf8');
			const { findings, hasCss } = file.endsWith('.css')
				? { findings: findPhysical(source), hasCss: true }
				: findPhysicalInSvelte(source);
			if (hasCss) withCss++;
			for (const f of findings) {
				const where = `${relative(root, file)}:${lineOf(source, f.offset)}`;
				problems.push(`${where}  ${f.declaration}  (${f.reason})`);
			}
		}
		expect(files.length).toBeGreaterThan(20);
		expect(withCss).toBeGreaterThan(20);
		expect(problems, problems.join('\n')).toEqual([]);
	});
});
