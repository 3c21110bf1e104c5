// The sandbox's control API (/__sandbox), for the benchmarks: see docs/causerie-api.md §8.

/**
 * Calls a control route and answers its JSON body ({} when empty).
 *
 * @param {string}  sandboxUrl The sandbox's base URL.
 * @param {string}  method     HTTP method.
 * @param {string}  path       Path under /__sandbox, e.g. /counters.
 * @param {unknown} [body]     JSON body, if any.
 */
export async function control( sandboxUrl, method, path, body ) {
	const response = await fetch( `${ sandboxUrl }/__sandbox${ path }`, {
		method,
		...( body === undefined
			? {}
			: {
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify( body ),
				} ),
	} );
	const text = await response.text();
	if ( ! response.ok ) {
		throw new Error(
			`${ method } /__sandbox${ path }: ${ response.status } ${ text }`
		);
	}
	return text === '' ? {} : JSON.parse( text );
}

/**
 * The sum of every number in a nested counter record.
 *
 * @param {Record<string, unknown>|undefined} record A counter, e.g. tokenRequests.
 * @return {number} The total.
 */
export const sum = ( record ) =>
	Object.values( record ?? {} ).reduce(
		( total, value ) =>
			total + ( typeof value === 'number' ? value : sum( value ) ),
		0
	);
