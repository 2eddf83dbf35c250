/** Moves keyboard and screen-reader focus to an element when it appears (error summaries). */
export function focusOnMount(node: HTMLElement): void {
	node.focus();
}
