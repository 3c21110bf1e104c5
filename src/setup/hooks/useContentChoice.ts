import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import {
	fetchSync,
	saveSyncTypes,
	syncAction,
} from '../../shared/api/knowledge';
import { toRestError } from '../../shared/api/rest';
import type { SyncPostType } from '../../shared/types';
import { initialChoice } from '../content';

export interface ContentChoice {
	/** The public post types with their counts; null while loading. */
	postTypes: SyncPostType[] | null;
	chosen: string[];
	toggle: ( name: string, on: boolean ) => void;
	/** Saves the choice and starts the first full sync; resolves true once both are done. */
	start: () => Promise< boolean >;
	isBusy: boolean;
	error: string | null;
}

/**
 * The knowledge step's state: the post types the Knowledge tab offers (GET /sync), the ones ticked, and the
 * same two requests the Knowledge tab makes to choose them and send them (PUT /sync/types, POST /sync/full).
 */
export function useContentChoice(): ContentChoice {
	const [ postTypes, setPostTypes ] = useState< SyncPostType[] | null >(
		null
	);
	const [ chosen, setChosen ] = useState< string[] >( [] );
	const [ isBusy, setIsBusy ] = useState( true );
	const [ error, setError ] = useState< string | null >( null );
	const mounted = useRef( true );

	useEffect( () => {
		mounted.current = true;
		fetchSync()
			.then( ( status ) => {
				if ( mounted.current ) {
					setPostTypes( status.postTypes );
					setChosen( initialChoice( status.postTypes ) );
				}
			} )
			.catch( ( reason: unknown ) => {
				if ( mounted.current ) {
					setError( toRestError( reason ).message );
				}
			} )
			.finally( () => mounted.current && setIsBusy( false ) );
		return () => {
			mounted.current = false;
		};
	}, [] );

	const toggle = useCallback( ( name: string, on: boolean ) => {
		setChosen( ( previous ) =>
			on
				? [ ...previous.filter( ( type ) => type !== name ), name ]
				: previous.filter( ( type ) => type !== name )
		);
	}, [] );

	const start = useCallback( async () => {
		setIsBusy( true );
		setError( null );
		try {
			await saveSyncTypes( chosen );
			if ( chosen.length > 0 ) {
				await syncAction( 'full' );
			}
			return true;
		} catch ( reason ) {
			if ( mounted.current ) {
				setError( toRestError( reason ).message );
			}
			return false;
		} finally {
			if ( mounted.current ) {
				setIsBusy( false );
			}
		}
	}, [ chosen ] );

	return { postTypes, chosen, toggle, start, isBusy, error };
}
