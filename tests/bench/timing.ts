import { readFileSync } from 'node:fs';
import type { Visitor } from '../helpers/browser-like';

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds of one call, run `warmUp` times first and then `repeats` times: the median. */
export async function medianMs(
	run: () => unknown,
	{ warmUp, repeats }: { warmUp: number; repeats: number }
): Promise<number> {
	for (let i = 0; i < warmUp; i++) await run();
	const times: number[] = [];
	for (let i = 0; i < repeats; i++) {
		const started = performance.now();
		await run();
		times.push(performance.now() - started);
	}
	return median(times);
}

/** One page, read to its last byte; anything but 200 stops the bench. */
export async function loadPage(visitor: Visitor, path: string): Promise<string> {
	const response = await visitor.get(path);
	const body = await response.text();
	if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
	return body;
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function residentMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
	return kb / 1024;
}
