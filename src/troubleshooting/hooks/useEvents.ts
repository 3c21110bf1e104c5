import { useCallback } from '@wordpress/element';

import { fetchEvents } from '../../shared/api/troubleshooting';
import { useRequest } from '../../shared/hooks/useRequest';
import type { EventKind, LoggedEvent, RestError } from '../../shared/types';

export interface UseEvents {
	/** The events of the current filter; null until they first arrive. */
	data: LoggedEvent[] | null;
	isBusy: boolean;
	error: RestError | null;
	reload: () => void;
}

// Events are kept with the filter they answer, so a new filter never shows the old one's rows.
function eventsOfKind( kind: EventKind | '' ) {
	return fetchEvents( kind ? { kind } : {} ).then( ( events ) => ( {
		kind,
		events,
	} ) );
}

/**
 * Loads the recent events of one kind, or of every kind, and again whenever asked.
 *
 * @param kind A kind, or an empty string for all.
 */
export function useEvents( kind: EventKind | '' ): UseEvents {
	const { data, isBusy, error, run } = useRequest( eventsOfKind, {
		args: [ kind ],
	} );
	const reload = useCallback( () => void run( kind ), [ run, kind ] );

	return {
		data: data && data.kind === kind ? data.events : null,
		isBusy,
		error,
		reload,
	};
}
