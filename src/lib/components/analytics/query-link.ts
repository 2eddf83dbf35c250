/** The current query with some parameters changed, for links that sort, filter and page. */
export function searchWith(url: URL, changes: Record<string, string | null>): string {
	const params = new URLSearchParams(url.searchParams);
	// A form action's own address (`?/pair`) is not part of what the page shows.
	for (const key of [...params.keys()]) if (key.startsWith('/')) params.delete(key);
	for (const [key, value] of Object.entries(changes)) {
		if (value === null) params.delete(key);
		else params.set(key, value);
	}
	const search = params.toString();
	return search ? `?${search}` : '';
}
