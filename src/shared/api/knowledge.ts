/**
 * The knowledge sync's requests, the site's and the network's.
 */
import apiFetch from '@wordpress/api-fetch';

import { REST_NAMESPACE } from './rest';

import type { NetworkSiteSync, SyncStatus } from '../types';

export const NETWORK_SYNC_PATH = `${ REST_NAMESPACE }/network/sync`;

/** The knowledge sync of each site of the network, for the network's screen. */
export function fetchNetworkSync(): Promise< NetworkSiteSync[] > {
	return apiFetch< NetworkSiteSync[] >( { path: NETWORK_SYNC_PATH } );
}

export const SYNC_PATH = `${ REST_NAMESPACE }/sync`;

/** Where the knowledge sync stands. */
export function fetchSync(): Promise< SyncStatus > {
	return apiFetch< SyncStatus >( { path: SYNC_PATH } );
}

/** The sync's actions; each answers with the status. */
export type SyncAction = 'full' | 'cancel' | 'run' | 'retry' | 'reconcile';

/**
 * Starts, stops or runs the sync, retries the failed posts, or reconciles. `run` sends for about ten seconds.
 *
 * @param action What to do.
 */
export function syncAction( action: SyncAction ): Promise< SyncStatus > {
	return apiFetch< SyncStatus >( {
		path: `${ SYNC_PATH }/${ action === 'cancel' ? 'full' : action }`,
		method: action === 'cancel' ? 'DELETE' : 'POST',
	} );
}

/**
 * "Remove my content from Causerie": every document of this site leaves the chatbot's knowledge, and no
 * post type stays chosen.
 */
export function removeSyncedContent(): Promise< SyncStatus > {
	return apiFetch< SyncStatus >( {
		path: `${ SYNC_PATH }/remove`,
		method: 'POST',
		data: { confirm: true },
	} );
}

/**
 * Chooses the post types whose posts go to the chatbot's knowledge.
 *
 * @param postTypes The chosen types' names.
 */
export function saveSyncTypes( postTypes: string[] ): Promise< SyncStatus > {
	return apiFetch< SyncStatus >( {
		path: `${ SYNC_PATH }/types`,
		method: 'PUT',
		data: { postTypes },
	} );
}
