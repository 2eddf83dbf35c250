/** How long work runs before the server answers others (a request, /healthz) again. */
const SLICE_MS = 20;

/** Runs steps to the end, letting the event loop turn every SLICE_MS of work. */
export async function runInSlices<T>(steps: Generator<void, T>): Promise<T> {
	let sliceStart = performance.now();
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		if (performance.now() - sliceStart >= SLICE_MS) {
			await new Promise((resolve) => setImmediate(resolve));
			sliceStart = performance.now();
		}
	}
}

/** `items.map(work)` as steps, one item each. */
export function* eachStep<T, R>(items: readonly T[], work: (item: T) => R): Generator<void, R[]> {
	const results: R[] = [];
	for (const item of items) {
		results.push(work(item));
		yield;
	}
	return results;
}
