/** The current query with some parameters changed, for links that sort, filter and page. */
export function searchWith(url: URL, changes: Record<string, string | null>): string {
	const params = new URLSearchParams(url.searchParams);
	for (const [key, value] of Object.entries(changes)) {
		if (value === null) params.delete(key);
		else params.set(key, value);
	}
	const search = params.toString();
	return search ? `?${search}` : '';
}
