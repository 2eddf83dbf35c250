// How long the server waits for slow clients. Phones on slow networks send a survey page (a few KB)
// in seconds; a connection that trickles or stalls is answered 408 and closed instead of held open.

/** @typedef {{ requestTimeout: number, headersTimeout: number, keepAliveTimeout: number }} ServerTimeouts */

const DEFAULT_SECONDS = { REQUEST_TIMEOUT: 60, HEADERS_TIMEOUT: 20, KEEP_ALIVE_TIMEOUT: 5 };

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {keyof typeof DEFAULT_SECONDS} name
 */
function seconds(env, name) {
	const raw = env[name];
	if (raw === undefined || raw === '') return DEFAULT_SECONDS[name];
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0)
		throw new Error(`${name} must be a number of seconds above 0, not "${raw}".`);
	return value;
}

/**
 * The server's timeouts in milliseconds from REQUEST_TIMEOUT, HEADERS_TIMEOUT and KEEP_ALIVE_TIMEOUT
 * (seconds). Headers never get longer than the whole request.
 * @param {NodeJS.ProcessEnv} env
 * @returns {ServerTimeouts}
 */
export function readServerTimeouts(env) {
	const request = seconds(env, 'REQUEST_TIMEOUT');
	return {
		requestTimeout: request * 1000,
		headersTimeout: Math.min(seconds(env, 'HEADERS_TIMEOUT'), request) * 1000,
		keepAliveTimeout: seconds(env, 'KEEP_ALIVE_TIMEOUT') * 1000
	};
}
