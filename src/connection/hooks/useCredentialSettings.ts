import { useCallback, useEffect, useState } from '@wordpress/element';

import { fetchSettings } from '../../shared/api/connection';
import { toRestError } from '../../shared/api/rest';
import type {
	EnvironmentType,
	RestError,
	Settings,
	SettingsLevel,
} from '../../shared/types';

export interface UseCredentialSettings {
	data: Settings | null;
	isBusy: boolean;
	error: RestError | null;
	/** The profile asked for; undefined means the site's own. */
	environment: EnvironmentType | undefined;
	select: ( environment: EnvironmentType ) => void;
	/** Takes a profile the server just returned, such as after a save. */
	replace: ( settings: Settings ) => void;
	reload: () => void;
}

interface Request {
	environment: EnvironmentType | undefined;
	attempt: number;
}

/**
 * Loads the credentials of one profile; the site's own first, through the preloaded path.
 *
 * @param initial Settings already at hand (preloaded by the page), to paint without a request.
 * @param level   The site's credentials or the network's.
 */
export function useCredentialSettings(
	initial?: Settings,
	level: SettingsLevel = 'site'
): UseCredentialSettings {
	const [ data, setData ] = useState< Settings | null >( initial ?? null );
	const [ error, setError ] = useState< RestError | null >( null );
	const [ isBusy, setIsBusy ] = useState( ! initial );
	// Null while the initial settings are current and nothing needs loading.
	const [ request, setRequest ] = useState< Request | null >(
		initial ? null : { environment: undefined, attempt: 0 }
	);

	useEffect( () => {
		if ( ! request ) {
			return undefined;
		}
		let isCurrent = true;
		setIsBusy( true );
		setError( null );
		fetchSettings( request.environment, level )
			.then( ( settings ) => {
				if ( isCurrent ) {
					setData( settings );
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
	}, [ request, level ] );

	const environment = request ? request.environment : initial?.environment;
	const select = useCallback(
		( next: EnvironmentType ) =>
			setRequest( ( previous ) => ( {
				environment: next,
				attempt: ( previous?.attempt ?? 0 ) + 1,
			} ) ),
		[]
	);
	const reload = useCallback(
		() =>
			setRequest( ( previous ) => ( {
				environment: previous?.environment ?? initial?.environment,
				attempt: ( previous?.attempt ?? 0 ) + 1,
			} ) ),
		[ initial?.environment ]
	);
	const replace = useCallback( ( settings: Settings ) => {
		setData( settings );
	}, [] );

	return { data, isBusy, error, environment, select, replace, reload };
}
