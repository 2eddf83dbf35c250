import { readFileSync } from 'node:fs';
import { analyseProgram } from '../../src/lib/alignment/program-analysis';
import { loadProgramEvidence } from '../../src/lib/server/analytics/program-evidence';
import { buildProgramOverview } from '../../src/lib/server/analytics/program-overview-view';
import { openDatabase } from '../../src/lib/server/db/open';
import { findProgram } from '../../src/lib/server/programs/programs';
import { submitAssignment } from '../../src/lib/server/survey/answers';
const programs = JSON.parse(readFileSync('/tmp/cold/meta.json', 'utf8'));
const db = openDatabase('/tmp/cold/work.db');
const org = await db.selectFrom('programs').select('organization_id').executeTakeFirstOrThrow();
const size = Number(process.argv[2] ?? 10000);
const p = programs.find((x: { pairs: number }) => x.pairs === size);
const program = (await findProgram(db, org.organization_id, p.id))!;
const t0 = (label: string, t: number) => console.log(label, (performance.now() - t).toFixed(0), 'ms');
for (let i = 0; i < 3; i++) { const t = performance.now(); await buildProgramOverview(db, program, new URLSearchParams(), 'en'); t0('warm overview build', t); }
const { Session } = await import('node:inspector/promises'); const session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start');
for (const id of p.pending.slice(0, 4)) {
	await submitAssignment(db, id);
	let t = performance.now();
	const loaded = await loadProgramEvidence(db, program);
	t0('  evidence', t);
	t = performance.now();
	analyseProgram(loaded.evidence);
	t0('  analysis', t);
	t = performance.now();
	await buildProgramOverview(db, program, new URLSearchParams(), 'en');
	t0('  overview build (cached)', t);
}
const { profile } = await session.post('Profiler.stop');
(await import('node:fs')).writeFileSync('/tmp/prof/after.cpuprofile', JSON.stringify(profile));
