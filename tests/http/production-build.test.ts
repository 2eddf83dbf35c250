import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER_BUILD = resolve(import.meta.dirname, '..', '..', 'build', 'server');

function scripts(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return scripts(path);
		return entry.name.endsWith('.js') ? [path] : [];
	});
}

describe('the build the server runs', () => {
	it('is a production build: its pages carry none of Svelte’s development checks', () => {
		// In development, Svelte wraps every element a page renders in checks of its nesting.
		const withChecks = scripts(SERVER_BUILD).filter((path) =>
			/\bpush_element\(\$\$renderer/.test(readFileSync(path, 'utf8'))
		);
		expect(scripts(SERVER_BUILD).length).toBeGreaterThan(50);
		expect(withChecks).toEqual([]);
	});
});
