import { useCallback, useEffect, useState } from '@wordpress/element';

import { fetchSite, toRestError } from '../api';
import type { RestError, SiteInfo } from '../types';

export interface UseSiteInfo {
	data: SiteInfo | null;
	isBusy: boolean;
	error: RestError | null;
	reload: () => void;
}

/**
 * Loads the site description from the plugin's REST route.
 */
export function useSiteInfo(): UseSiteInfo {
	const [ data, setData ] = useState< SiteInfo | null >( null );
	const [ error, setError ] = useState< RestError | null >( null );
	const [ isBusy, setIsBusy ] = useState( true );
	const [ attempt, setAttempt ] = useState( 0 );

	useEffect( () => {
		let isCurrent = true;
		setIsBusy( true );
		fetchSite()
			.then( ( site ) => {
				if ( isCurrent ) {
					setData( site );
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
	}, [ attempt ] );

	const reload = useCallback( () => setAttempt( ( n ) => n + 1 ), [] );

	return { data, isBusy, error, reload };
}
