/**
 * HTML as a reader meets its words: without Svelte's comment markers and without the `<bdi>`
 * elements that keep a typed name in its own direction, so "Welcome, <bdi>Chidi</bdi>" reads
 * "Welcome, Chidi".
 */
export function readable(html: string): string {
	return html.replace(/<!--[\s\S]*?-->/g, '').replace(/<\/?bdi>/g, '');
}
