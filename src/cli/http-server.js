// The production HTTP server: adapter-node's handler (build/handler.js, its documented custom-server
// entry) behind gzip/brotli compression, which adapter-node applies only to prebuilt static files.
// Started by `npm start` through serve.js, and directly (`node src/cli/http-server.js`) by tests.
import compression from 'compression';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readServerTimeouts } from './server-timeouts.js';

/** @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void} Middleware */

const { requestTimeout, headersTimeout, keepAliveTimeout } = readServerTimeouts(process.env);
const root = new URL('../../', import.meta.url).pathname;
/** @type {{ handler: Middleware }} */
const { handler } = await import(pathToFileURL(join(root, 'build', 'handler.js')).href);

// Static files come precompressed from the build (Content-Encoding set), so compression skips them.
// Its typings speak of Express requests; it reads and wraps only what node:http provides.
const compress = /** @type {Middleware} */ (/** @type {unknown} */ (compression()));
let closing = false;
export const server = createServer(
	// Timeouts are checked every second, so a stalled client is closed within a second of its limit.
	{ requestTimeout, headersTimeout, keepAliveTimeout, connectionsCheckingInterval: 1000 },
	(req, res) => compress(req, res, () => handler(req, res, () => {}))
);
// While shutting down, a kept-alive connection closes as soon as its last request is answered.
server.on('request', (req) => req.on('close', () => closing && server.closeIdleConnections()));

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

const shutdownTimeout = Number(process.env.SHUTDOWN_TIMEOUT || 30) * 1000;

/** As adapter-node does: finish requests in flight, then let the process end. */
function shutdown() {
	if (closing) return;
	closing = true;
	server.closeIdleConnections();
	server.close(() => {
		clearTimeout(forced);
		// @ts-expect-error adapter-node's shutdown event, which Node's typings do not know
		process.emit('sveltekit:shutdown', 'SIGTERM');
	});
	const forced = setTimeout(() => server.closeAllConnections(), shutdownTimeout);
	forced.unref();
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
