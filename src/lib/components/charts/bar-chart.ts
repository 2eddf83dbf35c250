import type { ChartConfiguration } from 'chart.js';

/** The Okabe–Ito palette: colours that stay distinct for the common kinds of colour blindness. */
export const PALETTE = {
	blue: '#0072B2',
	orange: '#E69F00',
	green: '#009E73',
	pink: '#CC79A7',
	sky: '#56B4E9',
	vermillion: '#D55E00'
} as const;

export type SeriesColour = keyof typeof PALETTE;

/** Each group keeps its colour on every chart: a mentor is always blue. */
export const ROLE_COLOURS = {
	mentor: 'blue',
	protege: 'orange',
	employer: 'green',
	staff: 'pink'
} as const satisfies Record<string, SeriesColour>;

export interface BarSeries {
	label: string;
	colour: SeriesColour;
	/** One value per category, on a 0–100 scale; null where there is nothing to show. */
	values: (number | null)[];
	/** Categories drawn in the highlight colour (their labels also carry a mark: never colour alone). */
	highlight?: boolean[];
}

const HIGHLIGHT = PALETTE.vermillion;
/** Chart text at least as large as the page's small print. */
const FONT = { size: 13 };

export interface BarChartData {
	categories: string[];
	series: BarSeries[];
}

/** Grouped horizontal bars on a 0–100 axis: one group per category, one bar per series. */
export function barChartConfig(data: BarChartData, axisLabel: string): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: toChartData(data),
		options: {
			indexAxis: 'y',
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			scales: {
				x: {
					min: 0,
					max: 100,
					ticks: { font: FONT },
					title: { display: true, text: axisLabel, font: FONT }
				},
				y: { ticks: { autoSkip: false, font: FONT } }
			},
			plugins: { legend: { position: 'bottom', labels: { font: FONT } } }
		}
	};
}

export function toChartData(data: BarChartData): ChartConfiguration<'bar'>['data'] {
	return {
		labels: data.categories,
		datasets: data.series.map((series, index) => ({
			label: series.label,
			data: series.values,
			backgroundColor: series.highlight
				? series.values.map((_, i) => (series.highlight![i] ? HIGHLIGHT : PALETTE[series.colour]))
				: PALETTE[series.colour],
			maxBarThickness: 28,
			borderColor: '#000000',
			borderWidth: index % 2 === 1 ? 1 : 0
		}))
	};
}
