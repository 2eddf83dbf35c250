/**
 * Runs `job` now and then every `ms`, never two passes at once, without keeping the process
 * alive; a failed pass is logged and the next one runs as planned. Returns a function that stops it.
 */
export function startInterval(name: string, ms: number, job: () => Promise<unknown>): () => void {
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await job();
		} catch (error) {
			console.error(`[tandem] ${name} failed:`, error);
		} finally {
			running = false;
		}
	};
	const timer = setInterval(tick, ms);
	timer.unref();
	void tick();
	return () => clearInterval(timer);
}
