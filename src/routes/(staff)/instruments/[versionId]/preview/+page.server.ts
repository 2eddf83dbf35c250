import { ROLES, WAVES, type Role, type Wave } from '$lib/instruments/types';
import { surveyPages } from '$lib/instruments/survey-pages';
import { requireVersion } from '$lib/server/instruments/access';

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
	values.includes(value as T) ? (value as T) : fallback;

export async function load(event) {
	const { version, document } = await requireVersion(event);
	const query = event.url.searchParams;
	const role: Role = oneOf(ROLES, query.get('role'), 'protege');
	const wave: Wave = oneOf(WAVES, query.get('wave'), 'pre');
	const language = oneOf(document.languages, query.get('lang'), document.languages[0]!);
	const pages = surveyPages(document, role, wave, language);
	const pageNumber = Math.min(
		Math.max(1, Number(query.get('page')) || 1),
		Math.max(1, pages.length)
	);
	return {
		versionId: version.id,
		role,
		wave,
		language,
		page: pages[pageNumber - 1] ?? null,
		pageNumber,
		pageCount: pages.length
	};
}
