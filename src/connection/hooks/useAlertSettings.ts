import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import {
	fetchAlertSettings,
	saveAlertSettings,
	toRestError,
} from '../../shared/api';
import type { AlertSettings, RestError } from '../../shared/types';

export interface UseAlertSettings {
	/** The stored settings; null until loaded. */
	data: AlertSettings | null;
	isBusy: boolean;
	error: RestError | null;
	/** Whether the last save succeeded, until the next one starts. */
	saved: boolean;
	save: ( alertEmail: string ) => void;
}

/**
 * Reads the alert email settings once mounted, and saves a new address.
 */
export function useAlertSettings(): UseAlertSettings {
	const [ data, setData ] = useState< AlertSettings | null >( null );
	const [ error, setError ] = useState< RestError | null >( null );
	const [ isBusy, setIsBusy ] = useState( true );
	const [ saved, setSaved ] = useState( false );
	const mounted = useRef( true );

	const settle = useCallback(
		( request: Promise< AlertSettings >, onDone: () => void ) => {
			setIsBusy( true );
			request
				.then( ( settings ) => {
					if ( mounted.current ) {
						setData( settings );
						setError( null );
						onDone();
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
		[]
	);

	useEffect( () => {
		mounted.current = true;
		settle( fetchAlertSettings(), () => undefined );
		// Answers that arrive after unmounting are dropped.
		return () => {
			mounted.current = false;
		};
	}, [ settle ] );

	const save = useCallback(
		( alertEmail: string ) => {
			setSaved( false );
			settle( saveAlertSettings( alertEmail ), () => setSaved( true ) );
		},
		[ settle ]
	);

	return { data, isBusy, error, saved, save };
}
