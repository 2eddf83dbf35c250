import { readFileSync } from 'node:fs';
import { signedIn } from '../helpers/browser-like';
import { startServer } from '../helpers/server';
import { BENCH_SIGN_IN } from './seed-bench';
const programs = JSON.parse(readFileSync('/tmp/cold/meta.json', 'utf8'));
const server = await startServer({ databasePath: '/tmp/cold/bench.db', env: { TANDEM_SCHEDULER: 'off' }, nodeOptions: ['--max-semi-space-size=2'] });
const staff = await signedIn(server.url, BENCH_SIGN_IN.email, BENCH_SIGN_IN.password);
const status = () => readFileSync(`/proc/${server.pid}/status`, 'utf8').split('\n').filter((l) => /VmRSS|RssAnon|RssFile|RssShmem/.test(l)).map((l) => l.replace(/\s+/g, ' ')).join(' | ');
console.log('start', status());
if (process.argv[2] === 'start') { process.kill(server.pid, 'SIGUSR2'); await new Promise((r) => setTimeout(r, 5000)); }
for (const size of [2000, 10000]) {
	const p = programs.find((x: { pairs: number }) => x.pairs === size);
	for (let i = 0; i < 5; i++) await (await staff.get(`/programs/${p.id}`)).text();
	console.log(size, status());
}
if (process.argv[2]) { process.kill(server.pid, 'SIGUSR2'); await new Promise((r) => setTimeout(r, 8000)); }
await server.stop();
