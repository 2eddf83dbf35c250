import { readFileSync } from 'node:fs';
import { signedIn } from '../helpers/browser-like';
import { startServer } from '../helpers/server';
import { BENCH_SIGN_IN } from './seed-bench';
const programs = JSON.parse(readFileSync('/tmp/cold/meta.json', 'utf8'));
const size = Number(process.argv[2] ?? 2000);
const prof = process.argv[3];
const program = programs.find((p: { pairs: number }) => p.pairs === size);
const times: number[] = [];
for (let i = 0; i < Number(process.argv[4] ?? 3); i++) {
	const server = await startServer({ databasePath: '/tmp/cold/bench.db', env: { TANDEM_SCHEDULER: 'off' }, nodeOptions: prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [] });
	const staff = await signedIn(server.url, BENCH_SIGN_IN.email, BENCH_SIGN_IN.password);
	const t = performance.now();
	const r = await staff.get(`/programs/${program.id}${process.env.SUFFIX ?? ""}`);
	await r.text();
	times.push(performance.now() - t);
	const t2 = performance.now();
	await (await staff.get(`/programs/${program.id}?sort=name`)).text();
	console.log(`cold ${times.at(-1)!.toFixed(0)} ms (${r.status}); then warm ${(performance.now() - t2).toFixed(0)} ms`);
	await server.stop();
}
