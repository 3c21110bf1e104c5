import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import { fetchWidget, saveWidget, toRestError } from '../../shared/api';
import type {
	RestError,
	WidgetSettings,
	WidgetStatus,
} from '../../shared/types';

export interface WidgetState {
	/** What the server holds; null while loading or when loading failed. */
	data: WidgetStatus | null;
	isBusy: boolean;
	/** Why the last load or save failed; cleared by the next one. */
	error: RestError | null;
	/** Resolves true once the server saved the changes; the data changes only then. */
	save: ( changes: Partial< WidgetSettings > ) => Promise< boolean >;
}

/**
 * The chatbot's settings, read from the server and written back to it.
 */
export function useWidget(): WidgetState {
	const [ data, setData ] = useState< WidgetStatus | null >( null );
	const [ isBusy, setIsBusy ] = useState( true );
	const [ error, setError ] = useState< RestError | null >( null );
	const mounted = useRef( true );

	const settle = useCallback(
		async ( call: Promise< WidgetStatus > ): Promise< boolean > => {
			setIsBusy( true );
			setError( null );
			try {
				const next = await call;
				if ( mounted.current ) {
					setData( next );
				}
				return true;
			} catch ( failure ) {
				if ( mounted.current ) {
					setError( toRestError( failure ) );
				}
				return false;
			} finally {
				if ( mounted.current ) {
					setIsBusy( false );
				}
			}
		},
		[]
	);

	useEffect( () => {
		mounted.current = true;
		settle( fetchWidget() );
		return () => {
			mounted.current = false;
		};
	}, [ settle ] );

	const save = useCallback(
		( changes: Partial< WidgetSettings > ) =>
			settle( saveWidget( changes ) ),
		[ settle ]
	);
	return { data, isBusy, error, save };
}
