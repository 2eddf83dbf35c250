import { analyseProgram } from '../../src/lib/alignment/program-analysis';
import { loadProgramEvidence } from '../../src/lib/server/analytics/program-evidence';
import { findProgram } from '../../src/lib/server/programs/programs';
import { createBenchDatabase } from './bench-database';
import { seedBench } from './seed-bench';

const size = Number(process.argv[2] ?? 2000);
const bench = await createBenchDatabase('sqlite');
const seed = await seedBench(bench.db, { sizes: [size], surveyPairs: 2 });
const program = (await findProgram(bench.db, seed.organizationId, seed.programs[0]!.id))!;
console.log('seeded');
const { Session } = await import('node:inspector/promises');
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
for (let i = 0; i < 3; i++) {
	let t = performance.now();
	const loaded = await loadProgramEvidence(bench.db, program, { today: '2026-12-0' + (i + 1) });
	const read = performance.now() - t;
	t = performance.now();
	analyseProgram(loaded.evidence);
	console.log(`read ${read.toFixed(0)} ms, analyse ${(performance.now() - t).toFixed(0)} ms`);
}
const { profile } = await session.post('Profiler.stop');
(await import('node:fs')).writeFileSync('/tmp/prof/overview.cpuprofile', JSON.stringify(profile));
await bench.remove();
