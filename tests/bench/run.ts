// `npm run bench [-- --engine sqlite|postgres --pairs N --profile DIR]`: the performance budgets of
// README's "Performance" section, measured on a synthetic organization served by the production
// server. Progress goes to stderr; the table and one JSON line per measure go to stdout.
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { analyseProgram } from '../../src/lib/alignment/program-analysis';
import { loadProgramEvidence } from '../../src/lib/server/analytics/program-evidence';
import { findProgram } from '../../src/lib/server/programs/programs';
import { buildIfStale } from '../../src/cli/serve.js';
import { signedIn } from '../helpers/browser-like';
import { startServer, type RunningServer } from '../helpers/server';
import {
	createBenchDatabase,
	describeEngine,
	settleSeededDatabase,
	type Engine
} from './bench-database';
import { measureMatching } from './matching-load';
import { measureImportFlood, measureSignInFlood } from './floods';
import { measureColdOverview, measureOverviewAfterSubmit } from './overview-load';
import { measurePageWeight, measureTotalBlockingTime } from './page-weight';
import { measureSavesPerProcess } from './process-saves';
import { isOk, jsonLine, table, type Measure } from './report';
import { CONNECTIONS, firstPageForm, measureSaveLoad, openSurveys } from './save-load';
import { BENCH_SIGN_IN, createBenchImportProgram, seedBench, speakArabic } from './seed-bench';
import { seedCrowdProgram } from '../helpers/crowd-program';
import { loadPage, medianMs, residentMb } from './timing';

const GROWTH_SIZES = [500, 2000, 8000, 10_000];
const SURVEY_PAIRS = 100;
/** Intakes to match: this many protégés and as many mentors, nobody paired, all answered. */
const INTAKE_SIZES = [300, 1000];
const started = performance.now();
const log = (message: string) =>
	console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${message}`);

const { values } = parseArgs({
	options: {
		engine: { type: 'string', default: 'sqlite' },
		pairs: { type: 'string', default: '2000' },
		profile: { type: 'string' }
	}
});
if (values.engine !== 'sqlite' && values.engine !== 'postgres') {
	console.error('--engine takes sqlite (the default) or postgres.');
	process.exit(2);
}
const engine: Engine = values.engine;
const pairs = Number(values.pairs);
if (!Number.isInteger(pairs) || pairs < 1 || pairs > 50_000) {
	console.error('--pairs takes a whole number from 1 to 50000.');
	process.exit(2);
}
const sizes = [...new Set([...GROWTH_SIZES, pairs])].sort((a, b) => a - b);

/** 100 ms at 2,000 pairs and 500 ms at 10,000, straight lines between; 8,000 tests linear growth. */
function overviewBudget(size: number, at2000: number): number {
	if (size <= 2000) return 100;
	if (size === 8000) return (at2000 * 8000) / 2000;
	return size >= 10_000 ? (500 * size) / 10_000 : (100 * size) / 2000;
}

buildIfStale();
const loadBefore = loadavg()[0]!;
const bench = await createBenchDatabase(engine);
const db = bench.db;
const engineVersion = await describeEngine(db, engine);
const CROWD = 5000;
const COLD_STARTS = 3;
const SIGN_IN_FLOOD = 300;
const IMPORT_ROWS = 5000;
const describeStatuses = (statuses: Record<number, number>) =>
	Object.entries(statuses)
		.map(([status, count]) => `${count} × ${status}`)
		.join(', ');
// `--profile DIR`: the server writes a CPU profile there when it stops (open it in Chrome DevTools).
const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
const measures: Measure[] = [];
const add = (measure: Omit<Measure, 'kind'> & { kind?: Measure['kind'] }) =>
	measures.push({ kind: 'at_most', ...measure });
let server: RunningServer | undefined;

try {
	log(
		`${engineVersion}. Seeding programs of ${sizes.join(', ')} pairs (both rounds answered by every role)` +
			` and intakes of ${INTAKE_SIZES.map((n) => `${n} × ${n}`).join(', ')} to match…`
	);
	const seed = await seedBench(db, { sizes, surveyPairs: SURVEY_PAIRS, intakeSizes: INTAKE_SIZES });
	const programOf = (size: number) => seed.programs.find((p) => p.pairs === size)!;
	const crowdProgramId = await seedCrowdProgram(db, seed.organizationId, CROWD);
	const arabicTaker = await speakArabic(db, seed.surveyTakers[1]!);
	await settleSeededDatabase(db, engine);
	log('Seeded; starting the production server.');
	server = await startServer({
		databasePath: bench.location,
		env: { TANDEM_SCHEDULER: 'off' },
		nodeOptions: profile
	});
	const form = firstPageForm(seed.document);
	const { savers, visitors } = await openSurveys(server.url, seed.surveyTakers, form);

	log('Survey page weight in Chromium (cold cache)…');
	const weight = await measurePageWeight(visitors[0]!, `${savers[0]!.path}`);
	add({
		measure: 'survey_page_gzip_bytes',
		value: weight.bytes,
		unit: 'B',
		budget: 20 * 1024,
		what: 'first survey page, every byte transferred (stretch: ≤ 14 KB)'
	});
	add({
		measure: 'survey_page_requests',
		value: weight.requests,
		unit: 'requests',
		budget: 5,
		what: 'requests for that page'
	});

	log('The same page in Arabic (right to left, the longest script of the shipped languages)…');
	const arabic = visitors[seed.surveyTakers.indexOf(arabicTaker)]!;
	const weightAr = await measurePageWeight(
		arabic,
		savers[seed.surveyTakers.indexOf(arabicTaker)]!.path
	);
	add({
		measure: 'survey_page_gzip_bytes_ar',
		value: weightAr.bytes,
		unit: 'B',
		budget: 20 * 1024,
		what: 'first survey page in Arabic, every byte transferred'
	});
	add({
		measure: 'survey_page_requests_ar',
		value: weightAr.requests,
		unit: 'requests',
		budget: 5,
		what: 'requests for the Arabic page'
	});

	log(`Answer saves against a bare page at ${CONNECTIONS} connections…`);
	const load = await measureSaveLoad(server.url, savers, form);
	add({
		measure: 'save_rps',
		value: load.save.rps,
		unit: 'req/s',
		budget: 0.6 * load.bare.rps,
		kind: 'at_least',
		what: `saving a survey page, ${CONNECTIONS} connections`
	});
	add({
		measure: 'bare_rps',
		value: load.bare.rps,
		unit: 'req/s',
		budget: null,
		what: 'bare server-rendered page, same server and run'
	});
	add({
		measure: 'save_rps_ratio',
		value: load.save.rps / load.bare.rps,
		unit: '×',
		budget: 0.6,
		kind: 'at_least',
		what: 'saves per second ÷ bare pages per second'
	});
	add({
		measure: 'save_p50_ms',
		value: load.save.p50,
		unit: 'ms',
		budget: null,
		what: 'median save latency'
	});
	add({
		measure: 'save_p99_ms',
		value: load.save.p99,
		unit: 'ms',
		budget: 100,
		what: '99th percentile save latency'
	});

	const staff = await signedIn(server.url, BENCH_SIGN_IN.email, BENCH_SIGN_IN.password);
	let at2000 = 0;
	for (const size of sizes) {
		log(`Program overview at ${size} pairs…`);
		const path = `/programs/${programOf(size).id}`;
		const repeats = size > 2000 ? 7 : 15;
		const ms = await medianMs(() => loadPage(staff, path), { warmUp: 2, repeats });
		if (size === 2000) at2000 = ms;
		add({
			measure: `overview_ms_${size}`,
			value: ms,
			unit: 'ms',
			budget: overviewBudget(size, at2000),
			what:
				size === 8000
					? 'program overview, 8,000 pairs (budget: linear growth from 2,000)'
					: `program overview, ${size.toLocaleString('en')} pairs (median)`
		});
		if (size === 10_000) {
			add({
				measure: 'rss_mb',
				value: residentMb(server.pid),
				unit: 'MB',
				budget: 180,
				what:
					engine === 'postgres'
						? 'server memory after the 10,000-pair overview (PostgreSQL’s own processes not counted)'
						: 'server memory after the 10,000-pair overview'
			});
		}
	}

	const main = programOf(pairs);
	const overviewPath = `/programs/${programOf(2000).id}`;
	log('Overview and pair page weight in Chromium (cold cache)…');
	const overviewWeight = await measurePageWeight(staff, overviewPath);
	add({
		measure: 'overview_page_gzip_bytes',
		value: overviewWeight.bytes,
		unit: 'B',
		budget: 60 * 1024,
		what: 'program overview (2,000 pairs), every byte transferred'
	});
	add({
		measure: 'overview_page_requests',
		value: overviewWeight.requests,
		unit: 'requests',
		budget: 15,
		what: 'requests for that page'
	});
	const pairWeight = await measurePageWeight(
		staff,
		`/programs/${main.id}/pairs/${main.pairIds[0]}`
	);
	add({
		measure: 'pair_page_gzip_bytes',
		value: pairWeight.bytes,
		unit: 'B',
		budget: 40 * 1024,
		what: 'pair page, every byte transferred'
	});
	log('Overview’s total blocking time in Chromium at 4× CPU slowdown…');
	add({
		measure: 'overview_tbt_ms',
		value: await measureTotalBlockingTime(staff, overviewPath),
		unit: 'ms',
		budget: 150,
		what: 'overview total blocking time, CPU 4× slower (median of 3)'
	});

	log(`Pair page and metrics at ${pairs} pairs…`);
	const sample = main.pairIds.slice(0, 20);
	let visit = 0;
	const pairPage = () => loadPage(staff, `/programs/${main.id}/pairs/${sample[visit++ % 20]}`);
	add({
		measure: 'pair_page_ms',
		value: await medianMs(pairPage, { warmUp: 5, repeats: 41 }),
		unit: 'ms',
		budget: 20,
		what: `pair page, ${pairs.toLocaleString('en')}-pair program (median)`
	});

	log(`Participants page of a ${CROWD}-person program…`);
	const participantsPath = `/programs/${crowdProgramId}/participants`;
	add({
		measure: `participants_page_ms_${CROWD}`,
		value: await medianMs(() => loadPage(staff, participantsPath), { warmUp: 3, repeats: 21 }),
		unit: 'ms',
		budget: 100,
		what: `participants page, first of ${CROWD / 50} pages (median)`
	});
	add({
		measure: `participants_page_kb_${CROWD}`,
		value: Buffer.byteLength(await loadPage(staff, participantsPath)) / 1024,
		unit: 'KB',
		budget: 150,
		what: 'participants page HTML, uncompressed'
	});

	const program = (await findProgram(db, seed.organizationId, main.id))!;
	const loading = performance.now();
	await loadProgramEvidence(db, program);
	add({
		measure: `evidence_cold_ms_${pairs}`,
		value: performance.now() - loading,
		unit: 'ms',
		budget: null,
		what: 'reading the metrics’ evidence with nothing cached, once, in process'
	});
	// Every pair assessed from its answers, on a copy of the evidence each time: analyseProgram
	// keeps its result per evidence object.
	const { evidence: withAnswers } = await loadProgramEvidence(db, program, { withAnswers: true });
	const analyse = () => analyseProgram({ ...withAnswers });
	add({
		measure: `metrics_ms_${pairs}`,
		value: await medianMs(analyse, { warmUp: 2, repeats: 9 }),
		unit: 'ms',
		budget: 100 * Math.max(1, pairs / 2000),
		what: 'the metric computation alone (analyseProgram), in process'
	});

	for (const size of [2000, 10_000].filter((n) => sizes.includes(n))) {
		log(`Overview at ${size} pairs, each time after one more survey is sent…`);
		const { id, pendingSurveys } = programOf(size);
		add({
			measure: `overview_after_submit_ms_${size}`,
			value: await measureOverviewAfterSubmit(db, staff, `/programs/${id}`, pendingSurveys),
			unit: 'ms',
			budget: size === 2000 ? 100 : 300,
			what: `overview right after one more survey, ${size.toLocaleString('en')} pairs (median of ${pendingSurveys.length - 1})`
		});
	}

	// Last, so that the measures above meet the server as they did before this one existed.
	for (const measure of await measureSavesPerProcess(engine, server, savers, form, log))
		measures.push(measure);
	// After the saves: the heaviest pages of all, so that nothing above meets their garbage.
	for (const measure of await measureMatching(staff, db, seed.organizationId, seed.intakes, log))
		measures.push(measure);

	// Server processes of their own from here: the one above stops so as not to share the CPU.
	await server.stop();
	server = undefined;
	for (const size of [2000, 10_000].filter((n) => sizes.includes(n))) {
		log(`Overview at ${size} pairs as a new server process’s first page (${COLD_STARTS} starts)…`);
		add({
			measure: `overview_cold_ms_${size}`,
			value: await measureColdOverview(
				bench.location,
				staff,
				`/programs/${programOf(size).id}`,
				COLD_STARTS
			),
			unit: 'ms',
			budget: size === 2000 ? 150 : 600,
			what: `overview, ${size.toLocaleString('en')} pairs, first page after a restart (median)`
		});
	}
	log(`/healthz while ${SIGN_IN_FLOOD} sign-ins from as many addresses arrive at once…`);
	const flood = await measureSignInFlood(bench.location, SIGN_IN_FLOOD);
	add({
		measure: 'healthz_p95_ms_signin_flood',
		value: flood.healthP95,
		unit: 'ms',
		budget: 200,
		what: `/healthz during ${SIGN_IN_FLOOD} simultaneous sign-ins (answered ${describeStatuses(flood.statuses)})`
	});
	log(`/healthz while an import of ${IMPORT_ROWS.toLocaleString('en')} people is confirmed…`);
	const importProgram = await createBenchImportProgram(db, seed.organizationId);
	const imported = await measureImportFlood(bench.location, staff, importProgram, IMPORT_ROWS);
	add({
		measure: `healthz_p99_ms_import_${IMPORT_ROWS}`,
		value: imported.healthP99,
		unit: 'ms',
		budget: 200,
		what: `/healthz while ${IMPORT_ROWS.toLocaleString('en')} people are imported`
	});
	add({
		measure: `import_confirm_ms_${IMPORT_ROWS}`,
		value: imported.confirmMs,
		unit: 'ms',
		budget: null,
		what: 'confirming that import, until its answer'
	});
} finally {
	await server?.stop();
	await bench.remove();
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const memory = Math.round(totalmem() / 1024 ** 3);
const load = `${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`;
console.log(
	`Machine: ${cpu}, ${cpus().length} cores, ${memory} GB RAM, Node.js ${process.version}, ` +
		`${engineVersion}; load average (1 min) ${load}\n`
);
console.log(table(measures));
console.log();
for (const measure of measures) console.log(jsonLine(measure, engine));
const met = measures.filter((m) => m.budget !== null && isOk(m)).length;
const budgeted = measures.filter((m) => m.budget !== null).length;
log(`${met} of ${budgeted} budgets met.`);
