/**
 * The page the authorization server publishes for people (RFC 8414 service_documentation), where its client
 * ids and secrets come from: the first run links it, and so do the wizard's steps done in the Causerie dashboard.
 */

/**
 * The page the server names for people, as a link: http or https only (the server checks too).
 *
 * @param documentation What discovery answered.
 */
export function documentationLink(
	documentation: string | null | undefined
): string | null {
	if ( ! documentation ) {
		return null;
	}
	try {
		const url = new URL( documentation );
		return url.protocol === 'https:' || url.protocol === 'http:'
			? url.href
			: null;
	} catch {
		return null;
	}
}
