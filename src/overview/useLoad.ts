import { useEffect, useState } from '@wordpress/element';

import { toRestError } from '../api';
import type { RestError } from '../types';

export interface Loaded< T > {
	/** The last answer; kept while a new one loads, so a card doesn't flicker. */
	data: T | null;
	/** Why the last load failed; cleared by the next answer. */
	error: RestError | null;
}

/**
 * One read for a card, started once the screen has painted (an effect runs after the paint), and again when
 * `version` changes: a run of the checks may have changed what the card shows.
 *
 * @param load    The read.
 * @param version Reloads when it changes.
 */
export function useLoad< T >(
	load: () => Promise< T >,
	version: unknown = null
): Loaded< T > {
	const [ loaded, setLoaded ] = useState< Loaded< T > >( {
		data: null,
		error: null,
	} );
	useEffect( () => {
		let current = true;
		load().then(
			( data ) => current && setLoaded( { data, error: null } ),
			( reason: unknown ) =>
				current &&
				setLoaded( ( previous ) => ( {
					data: previous.data,
					error: toRestError( reason ),
				} ) )
		);
		return () => {
			current = false;
		};
		// The read is a module function; only the version asks for another.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ version ] );
	return loaded;
}
