import { goto } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` for a form in the middle of a long page: when the action redirects back to the
 * page, its data reloads where the reader is (no jump to the top or to the section), the form
 * empties and the layout's message is announced. Without JavaScript the same redirect opens the
 * page at the section named in its address; a refused form comes back with what was typed.
 */
export const stayInPlace: SubmitFunction = ({ formElement }) => {
	return async ({ result, update }) => {
		if (result.type !== 'redirect') return update({ reset: false });
		formElement.reset();
		// As the page comes back without JavaScript, a form kept behind a summary is closed again;
		// focus stays on its summary rather than a button now hidden.
		const details = formElement.closest('details');
		details?.removeAttribute('open');
		details?.querySelector('summary')?.focus();
		// eslint-disable-next-line svelte/no-navigation-without-resolve -- the action built this path
		await goto(result.location, { invalidateAll: true, noScroll: true, keepFocus: true });
	};
};
