import { useCallback } from '@wordpress/element';

import { useRequest } from '../../shared/hooks/useRequest';
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
	// Each answer is the listing so far: the items shown, then the new page's.
	const { data, isBusy, error, run } = useRequest(
		( cursor: string | null, shown: T[] ): Promise< Page< T > > =>
			load( cursor ).then( ( page ) => ( {
				items: [ ...shown, ...page.items ],
				next: page.next,
			} ) ),
		{ args: [ null, [] ] }
	);

	const next = data?.next ?? null;
	const loadMore = useCallback( () => {
		if ( data !== null && data.next !== null ) {
			void run( data.next, data.items );
		}
	}, [ data, run ] );

	return {
		items: data?.items ?? null,
		isBusy,
		error,
		hasMore: next !== null,
		loadMore,
	};
}
