/** At most this many site origins per bot: a site, its www twin, staging copies. */
export const MAX_ORIGINS = 20;

export type ParsedOrigin =
	{ ok: true; origin: string } | { ok: false; description: string };

/**
 * A web origin as browsers send it in the `Origin` header: `scheme://host[:port]`, http or https, with the host
 * lowercased, a default port dropped and no path, query, fragment or credentials. A trailing slash is
 * tolerated, since a site's home URL often has one.
 */
export function parseOrigin( value: unknown ): ParsedOrigin {
	const refused = {
		ok: false,
		description:
			'An origin is scheme://host[:port], http or https, with no path, query or credentials',
	} as const;
	if ( typeof value !== 'string' || value.length > 300 ) {
		return refused;
	}
	let url: URL;
	try {
		url = new URL( value );
	} catch {
		return refused;
	}
	const bare =
		( url.pathname === '/' || url.pathname === '' ) &&
		url.search === '' &&
		url.hash === '' &&
		url.username === '' &&
		url.password === '' &&
		! value.endsWith( '?' ) &&
		! value.endsWith( '#' ) &&
		/^[a-z][a-z0-9+.-]*:\/\/[^/]+\/?$/i.test( value );
	if ( ! bare || ( url.protocol !== 'http:' && url.protocol !== 'https:' ) ) {
		return refused;
	}
	// URL already lowercases the scheme and host, punycodes IDNs and drops the default port.
	return { ok: true, origin: url.origin };
}
