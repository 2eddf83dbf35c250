import { dev, version } from '$app/environment';
import { assets } from '$app/paths';
import { CHART_ISLAND_FILE } from './chart-island-file';

/** The address of the script that draws a server-drawn page's charts (the version keeps caches honest). */
export const chartIslandSrc = dev
	? '/src/lib/components/charts/island.ts'
	: `${assets}/${CHART_ISLAND_FILE}?v=${encodeURIComponent(version)}`;
