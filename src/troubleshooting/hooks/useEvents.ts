import { useCallback, useEffect, useState } from '@wordpress/element';

import { fetchEvents, toRestError } from '../../shared/api';
import type { EventKind, LoggedEvent, RestError } from '../../shared/types';

export interface UseEvents {
	/** The events of the current filter; null until they first arrive. */
	data: LoggedEvent[] | null;
	isBusy: boolean;
	error: RestError | null;
	reload: () => void;
}

/**
 * Loads the recent events of one kind, or of every kind, and again whenever asked.
 *
 * @param kind A kind, or an empty string for all.
 */
export function useEvents( kind: EventKind | '' ): UseEvents {
	// Events are kept with the filter they answer, so a new filter never shows the old one's rows.
	const [ loaded, setLoaded ] = useState< {
		kind: EventKind | '';
		events: LoggedEvent[];
	} | null >( null );
	const [ error, setError ] = useState< RestError | null >( null );
	const [ isBusy, setIsBusy ] = useState( true );
	const [ attempt, setAttempt ] = useState( 0 );

	useEffect( () => {
		let isCurrent = true;
		setIsBusy( true );
		fetchEvents( kind ? { kind } : {} )
			.then( ( events ) => {
				if ( isCurrent ) {
					setLoaded( { kind, events } );
					setError( null );
				}
			} )
			.catch( ( reason: unknown ) => {
				if ( isCurrent ) {
					setError( toRestError( reason ) );
				}
			} )
			.finally( () => {
				if ( isCurrent ) {
					setIsBusy( false );
				}
			} );
		return () => {
			isCurrent = false;
		};
	}, [ kind, attempt ] );

	const reload = useCallback( () => setAttempt( ( n ) => n + 1 ), [] );

	return {
		data: loaded && loaded.kind === kind ? loaded.events : null,
		isBusy,
		error,
		reload,
	};
}
