import { readFileSync } from 'node:fs';
import { analyseProgram } from '../../src/lib/alignment/program-analysis';
import { loadProgramEvidence } from '../../src/lib/server/analytics/program-evidence';
import { openDatabase } from '../../src/lib/server/db/open';
const programs = JSON.parse(readFileSync('/tmp/cold/meta.json', 'utf8'));
const db = openDatabase('/tmp/cold/bench.db');
const mb = () => { (globalThis as any).gc(); const m = process.memoryUsage(); return `heap ${(m.heapUsed / 1e6).toFixed(0)} MB, rss ${(m.rss / 1e6).toFixed(0)} MB`; };
console.log('start', mb());
for (const size of [2000, 10000]) {
	const meta = programs.find((p: { pairs: number }) => p.pairs === size);
	const program = await db.selectFrom('programs').selectAll().where('id', '=', meta.id).executeTakeFirstOrThrow();
	const { evidence } = await loadProgramEvidence(db, program, { today: '2026-12-10' });
	console.log(size, 'evidence', mb());
	analyseProgram(evidence);
	console.log(size, 'analysis', mb());
}
await db.destroy();
