import type { Chart as ChartType } from 'chart.js';

let loading: Promise<typeof ChartType> | undefined;

/** Chart.js with only what Tandem's bar charts use, loaded once, in the browser only. */
export function loadChart(): Promise<typeof ChartType> {
	loading ??= import('chart.js').then(
		({ Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip }) => {
			Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
			Chart.defaults.font.size = 14;
			Chart.defaults.color = '#1b1f23';
			return Chart;
		}
	);
	return loading;
}
