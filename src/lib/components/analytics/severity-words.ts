import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

// A table words the severity of every row, and Paraglide builds new plural rules for each call
// of a counted message: the few counts a page shows are worded once per language.
const worded = new Map<string, string>();

/** "4 serious", "1 to watch" in the current language. */
export function severityCount(kind: 'serious' | 'watch', count: number): string {
	const key = `${getLocale()} ${kind} ${count}`;
	let words = worded.get(key);
	if (words === undefined) {
		words = kind === 'serious' ? m.attention_serious({ count }) : m.attention_to_watch({ count });
		worded.set(key, words);
	}
	return words;
}
