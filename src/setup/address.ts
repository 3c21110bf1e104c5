/**
 * The API address of the first step: when it is worth asking the server about.
 */

/**
 * Whether the text looks like a whole web address yet, so that typing "https://a" does not ask anyone.
 *
 * @param text What is in the field.
 */
export function looksLikeAddress( text: string ): boolean {
	try {
		const url = new URL( text.trim() );
		return (
			( url.protocol === 'https:' || url.protocol === 'http:' ) &&
			url.hostname !== '' &&
			( url.hostname.includes( '.' ) ||
				url.hostname === 'localhost' ||
				url.hostname.startsWith( '[' ) )
		);
	} catch {
		return false;
	}
}
