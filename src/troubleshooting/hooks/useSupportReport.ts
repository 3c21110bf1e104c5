import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import { fetchReport, toRestError } from '../../shared/api';
import type { RestError, SupportReportResponse } from '../../shared/types';

export interface UseSupportReport {
	/** The last report made; null until one is asked for. */
	data: SupportReportResponse | null;
	isBusy: boolean;
	error: RestError | null;
	/** Makes a fresh report. */
	load: () => void;
}

/**
 * Makes the support report on request only: it reads the event log and the checks, so it isn't free.
 */
export function useSupportReport(): UseSupportReport {
	const [ data, setData ] = useState< SupportReportResponse | null >( null );
	const [ error, setError ] = useState< RestError | null >( null );
	const [ isBusy, setIsBusy ] = useState( false );
	const latest = useRef( 0 );

	// Answers that arrive after unmounting, or after a newer request, are dropped.
	useEffect( () => {
		return () => {
			latest.current = -1;
		};
	}, [] );

	const load = useCallback( () => {
		const request = latest.current + 1;
		latest.current = request;
		setIsBusy( true );
		fetchReport()
			.then( ( report ) => {
				if ( latest.current === request ) {
					setData( report );
					setError( null );
				}
			} )
			.catch( ( reason: unknown ) => {
				if ( latest.current === request ) {
					setError( toRestError( reason ) );
				}
			} )
			.finally( () => {
				if ( latest.current === request ) {
					setIsBusy( false );
				}
			} );
	}, [] );

	return { data, isBusy, error, load };
}
