/**
 * On a slow connection a page is readable, and its forms usable, well before its script arrives.
 * When the script then takes the page over, Svelte writes each field's value from the page's data
 * again (`value={…}` on a textarea, for one, which must stay so the server can render it), and
 * whatever the reader had typed, ticked or chosen meanwhile would be gone. `rememberTypedFields` is
 * called just before that; the function it returns puts back what was typed, once the page is live.
 */
type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface Typed {
	field: Field;
	put: () => void;
}

function typedInto(field: Field): Typed | null {
	if (field instanceof HTMLSelectElement) {
		const chosen = [...field.options].map((option) => option.selected);
		if (chosen.every((selected, i) => selected === field.options[i]!.defaultSelected)) return null;
		return { field, put: () => chosen.forEach((s, i) => (field.options[i]!.selected = s)) };
	}
	if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
		const checked = field.checked;
		if (checked === field.defaultChecked) return null;
		return { field, put: () => (field.checked = checked) };
	}
	if (field instanceof HTMLInputElement && field.type === 'hidden') return null;
	const value = field.value;
	if (value === field.defaultValue) return null;
	return { field, put: () => (field.value = value) };
}

export function rememberTypedFields(root: ParentNode): () => void {
	const typed = [...root.querySelectorAll<Field>('input, textarea, select')]
		.map(typedInto)
		.filter((entry) => entry !== null);
	return () => {
		for (const { field, put } of typed) {
			if (!field.isConnected) continue;
			put();
			// Anything listening (a bound value, a counter) hears of it as if typed again.
			field.dispatchEvent(new Event('input', { bubbles: true }));
			field.dispatchEvent(new Event('change', { bubbles: true }));
		}
	};
}
