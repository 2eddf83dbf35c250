// The one script of pages drawn on the server alone (the overview, the pair page): it finds the
// bar charts those pages describe, and draws each with Chart.js once its table is about to scroll
// into view. Built as its own entry (vite.config.ts, `chartIsland`); chart-island.ts gives its
// address. Without it the tables carry the same figures.
import { barChartConfig, type BarChartData } from './bar-chart';
import { loadChart } from './chart-js';

async function draw(box: HTMLElement): Promise<void> {
	const Chart = await loadChart();
	const data = JSON.parse(box.dataset.barChart ?? '') as BarChartData;
	box.hidden = false;
	new Chart(box.querySelector('canvas')!, barChartConfig(data, box.dataset.axis ?? ''));
}

for (const box of document.querySelectorAll<HTMLElement>('[data-bar-chart]')) {
	const near = new IntersectionObserver(
		(entries) => {
			if (!entries.some((entry) => entry.isIntersecting)) return;
			near.disconnect();
			void draw(box);
		},
		{ rootMargin: '400px 0px' }
	);
	// The chart's own box is hidden until drawn: watch the table that carries the same data.
	near.observe(document.getElementById(box.dataset.table ?? '') ?? box.parentElement!);
}
