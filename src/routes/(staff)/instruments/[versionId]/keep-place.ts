import { goto } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * Moving a question or topic with JavaScript on: the outline redraws where the reader is, without
 * jumping to the moved item, and focus stays on the button (the same redirect serves JS off).
 */
export const keepPlace: SubmitFunction = () => {
	return async ({ result, update }) => {
		if (result.type === 'redirect')
			// eslint-disable-next-line svelte/no-navigation-without-resolve -- the server built this path
			await goto(result.location, { invalidateAll: true, noScroll: true, keepFocus: true });
		else await update();
	};
};
