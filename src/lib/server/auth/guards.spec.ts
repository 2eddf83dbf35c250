import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './guards';

describe('safeRedirectPath', () => {
	it.each([
		'/',
		'/programs',
		'/programs/abc/pairs/def?status=at_risk#pairs',
		'/programs?q=Ren%C3%A9e%20Tremblay',
		'/audit?page=2&action=signin.failed'
	])('keeps the same-site path %s', (path) => {
		expect(safeRedirectPath(path)).toBe(path);
	});

	it.each([
		['a tab, which browsers strip', '/\t/evil.example'],
		['a line feed', '/\n/evil.example'],
		['a carriage return', '/\r/evil.example'],
		['a NUL', '/\0/evil.example'],
		['a tab at the start', '\t//evil.example'],
		['an encoded tab', '/%09/evil.example'],
		['an encoded line feed', '/%0A/evil.example'],
		['an encoded carriage return', '/%0d/evil.example'],
		['an encoded NUL', '/%00/evil.example'],
		['an encoded slash', '/%2Fevil.example'],
		['an encoded slash, lower case', '/%2fevil.example'],
		['an encoded backslash', '/%5Cevil.example'],
		['a backslash then a slash', '\\/evil.example'],
		['a slash then a backslash', '/\\evil.example'],
		['a backslash inside', '/programs\\..\\..\\evil'],
		['scheme-relative', '//evil.example'],
		['scheme-relative with three slashes', '///evil.example'],
		['an absolute URL', 'https://evil.example/'],
		['javascript:', 'javascript:alert(1)'],
		['a data URL', 'data:text/html,<script>alert(1)</script>'],
		['a relative path', 'programs'],
		['broken percent-encoding', '/%E0%A4%A'],
		['a C1 control', '/\u0085/evil.example'],
		['a line separator', '/\u2028/evil.example']
	])('sends %s home', (_what, hostile) => {
		expect(safeRedirectPath(hostile)).toBe('/');
	});

	it('falls back to the given path, and to it for nothing given', () => {
		expect(safeRedirectPath(null, '/account')).toBe('/account');
		expect(safeRedirectPath(undefined)).toBe('/');
		expect(safeRedirectPath('//evil.example', '/account')).toBe('/account');
	});
});
