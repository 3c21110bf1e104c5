import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import { toRestError } from '../../shared/api/rest';
import type { RestError } from '../../shared/types';

/** One page of a listing, and the cursor of the next one (null: no more). */
export interface Page< T > {
	items: T[];
	next: string | null;
}

export interface UsePages< T > {
	/** The items of the pages read so far; null until the first arrives. */
	items: T[] | null;
	isBusy: boolean;
	error: RestError | null;
	hasMore: boolean;
	loadMore: () => void;
}

/**
 * Reads the first page of a listing once mounted, and the next on request. A failed page keeps the
 * items already shown, and reading more tries it again.
 *
 * @param load Reads the page after a cursor (null: the first).
 */
export function usePages< T >(
	load: ( cursor: string | null ) => Promise< Page< T > >
): UsePages< T > {
	const [ items, setItems ] = useState< T[] | null >( null );
	const [ next, setNext ] = useState< string | null >( null );
	const [ isBusy, setIsBusy ] = useState( true );
	const [ error, setError ] = useState< RestError | null >( null );
	const mounted = useRef( true );

	const read = useCallback(
		( cursor: string | null ) => {
			setIsBusy( true );
			load( cursor )
				.then( ( page ) => {
					if ( mounted.current ) {
						setItems( ( shown ) => [
							...( shown ?? [] ),
							...page.items,
						] );
						setNext( page.next );
						setError( null );
					}
				} )
				.catch( ( reason: unknown ) => {
					if ( mounted.current ) {
						setError( toRestError( reason ) );
					}
				} )
				.finally( () => {
					if ( mounted.current ) {
						setIsBusy( false );
					}
				} );
		},
		[ load ]
	);

	useEffect( () => {
		mounted.current = true;
		read( null );
		// Answers that arrive after unmounting are dropped.
		return () => {
			mounted.current = false;
		};
	}, [ read ] );

	const loadMore = useCallback( () => {
		if ( next !== null ) {
			read( next );
		}
	}, [ next, read ] );

	return { items, isBusy, error, hasMore: next !== null, loadMore };
}
