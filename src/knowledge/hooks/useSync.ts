import { useEffect, useRef, useState } from '@wordpress/element';

import {
	fetchSync,
	removeSyncedContent,
	saveSyncTypes,
	syncAction,
	type SyncAction,
} from '../../shared/api/knowledge';
import { toRestError } from '../../shared/api/rest';
import { useRequest } from '../../shared/hooks/useRequest';
import type { SyncStatus } from '../../shared/types';

export interface SyncState {
	status: SyncStatus | null;
	isBusy: boolean;
	error: string | null;
	act: ( action: SyncAction ) => Promise< void >;
	saveTypes: ( types: string[] ) => Promise< void >;
	remove: () => Promise< void >;
}

/** What the panel asks of the sync; each answers with the status. */
type SyncRequest =
	| { read: string | null }
	| { action: SyncAction }
	| { types: string[] }
	| 'remove';

function send( request: SyncRequest ): Promise< SyncStatus > {
	if ( request === 'remove' ) {
		return removeSyncedContent();
	}
	if ( 'action' in request ) {
		return syncAction( request.action );
	}
	return 'types' in request ? saveSyncTypes( request.types ) : fetchSync();
}

/**
 * The knowledge sync's status and actions. While a full sync runs and the tab is open, it sends from here,
 * one POST /sync/run at a time, so the bar moves even when WP-Cron is slow. The status is read again after
 * each run of the live checks, which may have lifted a pause.
 *
 * @param checkedAt When the live checks last ran.
 */
export function useSync( checkedAt: string | null = null ): SyncState {
	// The read names the checks it follows, so each run of them sends it again.
	const {
		data: status,
		isBusy,
		error: requestError,
		run,
		replace,
	} = useRequest( send, { args: [ { read: checkedAt } ] } );
	// The background runs never make the panel busy, so their failure is kept apart.
	const [ runError, setRunError ] = useState< string | null >( null );
	const mounted = useRef( true );
	const sending = useRef( false );
	useEffect( () => {
		mounted.current = true;
		return () => {
			mounted.current = false;
		};
	}, [] );
	useEffect( () => setRunError( null ), [ checkedAt ] );

	const error = requestError?.message ?? runError;
	const running = status?.fullSync?.id ?? null;
	const paused = status?.pause !== null && status?.pause !== undefined;
	useEffect( () => {
		if ( running === null || paused || error !== null || sending.current ) {
			return;
		}
		// One run at a time: its answer, a new status, starts the next.
		sending.current = true;
		syncAction( 'run' ).then(
			( next ) => {
				sending.current = false;
				if ( mounted.current ) {
					replace( next );
				}
			},
			( failure: unknown ) => {
				sending.current = false;
				if ( mounted.current ) {
					setRunError( toRestError( failure ).message );
				}
			}
		);
	}, [ running, paused, error, status, replace ] );

	const settle = async ( request: SyncRequest ) => {
		setRunError( null );
		await run( request );
	};
	return {
		status,
		isBusy,
		error,
		act: ( action ) => settle( { action } ),
		saveTypes: ( types ) => settle( { types } ),
		remove: () => settle( 'remove' ),
	};
}
