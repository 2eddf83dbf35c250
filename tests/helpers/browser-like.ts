/**
 * A minimal browser stand-in for HTTP tests: keeps cookies, sends the Origin header a real
 * browser sends with a form, and does not follow redirects so tests can see them.
 */
export class Visitor {
	readonly cookies = new Map<string, string>();

	constructor(
		readonly baseUrl: string,
		readonly origin: string = baseUrl,
		readonly headers: Record<string, string> = {}
	) {}

	/** Opens a one-time link as a browser would: it hands over a cookie and redirects. */
	async openLink(link: string): Promise<Response> {
		const hop = await this.get(link);
		const next = hop.headers.get('location');
		return next ? this.get(next) : hop;
	}

	/** The page a form action redirected to (Post/Redirect/Get), as the browser then opens it. */
	async followRedirect(sent: Response): Promise<Response> {
		const location = sent.headers.get('location');
		if (sent.status !== 303 || !location)
			throw new Error(`expected a redirect (303), got ${sent.status}: ${await sent.text()}`);
		return this.get(location);
	}

	get(path: string, headers: Record<string, string> = {}): Promise<Response> {
		return this.#send(path, { method: 'GET', headers });
	}

	/** Posts a body as a browser form would: repeated fields (URLSearchParams) or files (FormData). */
	postBody(path: string, body: URLSearchParams | FormData): Promise<Response> {
		const type: Record<string, string> =
			body instanceof URLSearchParams
				? { 'content-type': 'application/x-www-form-urlencoded' }
				: {};
		return this.#send(path, { method: 'POST', headers: { origin: this.origin, ...type }, body });
	}

	/**
	 * Posts bytes exactly as given, for bodies no browser would build: invalid UTF-8, a wrong or
	 * missing content type, a broken multipart. `origin: null` leaves the Origin header out.
	 */
	postRaw(
		path: string,
		body: Uint8Array<ArrayBuffer> | string,
		contentType: string | null,
		options: { origin?: string | null; headers?: Record<string, string> } = {}
	): Promise<Response> {
		const origin = options.origin === undefined ? this.origin : options.origin;
		return this.#send(path, {
			method: 'POST',
			headers: {
				...(origin === null ? {} : { origin }),
				...(contentType === null ? {} : { 'content-type': contentType }),
				...options.headers
			},
			body
		});
	}

	post(
		path: string,
		fields: Record<string, string>,
		headers: Record<string, string> = {}
	): Promise<Response> {
		return this.#send(path, {
			method: 'POST',
			headers: {
				origin: this.origin,
				'content-type': 'application/x-www-form-urlencoded',
				...headers
			},
			body: new URLSearchParams(fields).toString()
		});
	}

	async #send(
		path: string,
		init: {
			method: string;
			headers: Record<string, string>;
			body?: string | URLSearchParams | FormData | Uint8Array<ArrayBuffer>;
		}
	) {
		const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
		const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const response = await fetch(url, {
			method: init.method,
			body: init.body,
			redirect: 'manual',
			headers: {
				accept: 'text/html,application/xhtml+xml',
				...this.headers,
				...(cookie ? { cookie } : {}),
				...init.headers
			}
		});
		for (const header of response.headers.getSetCookie()) {
			const [pair] = header.split(';');
			const [name, ...rest] = pair!.split('=');
			const value = rest.join('=');
			if (/max-age=0/i.test(header) || value === '') this.cookies.delete(name!.trim());
			else this.cookies.set(name!.trim(), value);
		}
		return response;
	}
}

/** Where a form action sent the browser next (303 + Location). */
export function locationOf(response: Response): string | null {
	return response.headers.get('location');
}

/** A staff member signed in with email and password, as a browser after the sign-in form. */
export async function signedIn(baseUrl: string, email: string, password: string): Promise<Visitor> {
	const visitor = new Visitor(baseUrl);
	const response = await visitor.post('/signin', { email, password });
	if (response.status !== 303) throw new Error(`sign-in of ${email} failed: ${response.status}`);
	return visitor;
}
