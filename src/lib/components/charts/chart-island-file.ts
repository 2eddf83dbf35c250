/** Where the chart island (island.ts) is built, under the browser build's output. */
export const CHART_ISLAND_FILE = '_app/immutable/charts/island.js';
