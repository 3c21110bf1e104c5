import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import {
	fetchSync,
	removeSyncedContent,
	saveSyncTypes,
	syncAction,
	type SyncAction,
} from '../../shared/api/knowledge';
import type { RestError, SyncStatus } from '../../shared/types';

export interface SyncState {
	status: SyncStatus | null;
	isBusy: boolean;
	error: string | null;
	act: ( action: SyncAction ) => Promise< void >;
	saveTypes: ( types: string[] ) => Promise< void >;
	remove: () => Promise< void >;
}

function message( error: unknown ): string {
	return ( error as Partial< RestError > )?.message ?? String( error );
}

/**
 * The knowledge sync's status and actions. While a full sync runs and the tab is open, it sends from here,
 * one POST /sync/run at a time, so the bar moves even when WP-Cron is slow. The status is read again after
 * each run of the live checks, which may have lifted a pause.
 *
 * @param checkedAt When the live checks last ran.
 */
export function useSync( checkedAt: string | null = null ): SyncState {
	const [ status, setStatus ] = useState< SyncStatus | null >( null );
	const [ isBusy, setIsBusy ] = useState( false );
	const [ error, setError ] = useState< string | null >( null );
	const mounted = useRef( true );
	const sending = useRef( false );

	const settle = useCallback( async ( call: Promise< SyncStatus > ) => {
		setIsBusy( true );
		setError( null );
		try {
			const next = await call;
			if ( mounted.current ) {
				setStatus( next );
			}
		} catch ( failure ) {
			if ( mounted.current ) {
				setError( message( failure ) );
			}
		} finally {
			if ( mounted.current ) {
				setIsBusy( false );
			}
		}
	}, [] );

	useEffect( () => {
		mounted.current = true;
		settle( fetchSync() );
		return () => {
			mounted.current = false;
		};
	}, [ settle, checkedAt ] );

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
					setStatus( next );
				}
			},
			( failure ) => {
				sending.current = false;
				if ( mounted.current ) {
					setError( message( failure ) );
				}
			}
		);
	}, [ running, paused, error, status ] );

	return {
		status,
		isBusy,
		error,
		act: ( action ) => settle( syncAction( action ) ),
		saveTypes: ( types ) => settle( saveSyncTypes( types ) ),
		remove: () => settle( removeSyncedContent() ),
	};
}
