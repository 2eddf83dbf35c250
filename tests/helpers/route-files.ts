import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const ROUTES = resolve(import.meta.dirname, '..', '..', 'src', 'routes');
const PAGE = /^\+page(@[^.]*)?\.(svelte|ts|js|server\.ts|server\.js)$/;
const SERVER = /^\+server\.(ts|js)$/;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback'];

/**
 * One way into the app: `GET /(staff)/programs/[programId]`, a form action
 * `POST /(staff)/programs/[programId]?/pair`, or a default action `POST /(auth)/signin`.
 */
export interface Endpoint {
	key: string;
	method: string;
	routeId: string;
	/** The named action, `default`, or null for a page or an endpoint. */
	action: string | null;
}

function routeIdOf(dir: string): string {
	const path = relative(ROUTES, dir).split(sep).join('/');
	return path ? `/${path}` : '/';
}

/**
 * The top-level keys of `export const actions = { … }`, read from the source (importing the
 * module would pull in `$lib` and the database).
 */
export function actionNames(source: string): string[] {
	const start = source.match(/export\s+const\s+actions\b[^=]*=\s*\{/);
	if (!start) return [];
	const names: string[] = [];
	let depth = 1;
	let expectKey = true;
	for (let i = start.index! + start[0].length; i < source.length && depth > 0; i++) {
		const char = source[i]!;
		if (char === "'" || char === '"' || char === '`') {
			const end = endOfString(source, i);
			if (depth === 1 && expectKey) {
				names.push(source.slice(i + 1, end));
				expectKey = false;
			}
			i = end;
			continue;
		}
		if (source.startsWith('//', i)) {
			i = source.indexOf('\n', i);
			if (i < 0) break;
			continue;
		}
		if (source.startsWith('/*', i)) {
			i = source.indexOf('*/', i) + 1;
			continue;
		}
		if ('{(['.includes(char)) depth++;
		else if ('})]'.includes(char)) depth--;
		else if (depth === 1 && char === ',') expectKey = true;
		else if (depth === 1 && expectKey && /[A-Za-z_$]/.test(char)) {
			const name = source.slice(i).match(/^(?:async\s+)?([A-Za-z_$][\w$]*)/)![1]!;
			names.push(name);
			expectKey = false;
			i += source.slice(i).indexOf(name) + name.length - 1;
		}
	}
	return names;
}

function endOfString(source: string, start: number): number {
	const quote = source[start]!;
	for (let i = start + 1; i < source.length; i++) {
		if (source[i] === '\\') i++;
		else if (source[i] === quote) return i;
	}
	return source.length;
}

function exportedMethods(source: string): string[] {
	return METHODS.filter((method) =>
		new RegExp(`export\\s+(?:async\\s+function|function|const|let)\\s+${method}\\b`).test(source)
	);
}

function endpointsIn(dir: string, files: string[]): Endpoint[] {
	const routeId = routeIdOf(dir);
	const found: Endpoint[] = [];
	const add = (method: string, action: string | null) => {
		const suffix = action && action !== 'default' ? `?/${action}` : '';
		found.push({ key: `${method} ${routeId}${suffix}`, method, routeId, action });
	};
	if (files.some((file) => PAGE.test(file))) {
		add('GET', null);
		const server = files.find((file) => /^\+page\.server\.(ts|js)$/.test(file));
		if (server) {
			for (const name of actionNames(readFileSync(join(dir, server), 'utf8'))) add('POST', name);
		}
	}
	const endpoint = files.find((file) => SERVER.test(file));
	if (endpoint) {
		for (const method of exportedMethods(readFileSync(join(dir, endpoint), 'utf8'))) {
			add(method, null);
		}
	}
	return found;
}

/** Every page, endpoint method and form action under src/routes, as it is on disk now. */
export function discoverEndpoints(root = ROUTES): Endpoint[] {
	const found: Endpoint[] = [];
	const walk = (dir: string) => {
		const entries = readdirSync(dir, { withFileTypes: true });
		found.push(
			...endpointsIn(
				dir,
				entries.filter((e) => e.isFile()).map((e) => e.name)
			)
		);
		for (const entry of entries) if (entry.isDirectory()) walk(join(dir, entry.name));
	};
	walk(root);
	return found.sort((a, b) => a.key.localeCompare(b.key));
}

/** The address of a route: groups dropped, `[param]` filled in. */
export function routePath(routeId: string, params: Record<string, string | undefined>): string {
	const segments = routeId
		.split('/')
		.filter((segment) => segment && !/^\(.*\)$/.test(segment))
		.map((segment) =>
			segment.replace(/\[{1,2}(?:\.\.\.)?([\w]+)(?:=\w+)?\]{1,2}/g, (_, name: string) => {
				const value = params[name];
				if (value === undefined) throw new Error(`No value for [${name}] in ${routeId}`);
				return encodeURIComponent(value);
			})
		);
	return `/${segments.join('/')}`;
}
