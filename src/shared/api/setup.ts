/**
 * The guided first run's requests.
 */
import apiFetch from '@wordpress/api-fetch';

import { REST_NAMESPACE } from './rest';

import type { DiscoveredServer, SetupState } from '../types';

export const SETUP_PATH = `${ REST_NAMESPACE }/setup`;

/** Whether the guided first run opens: nothing is configured yet. Preloaded. */
export function fetchSetup(): Promise< SetupState > {
	return apiFetch< SetupState >( { path: SETUP_PATH } );
}

/**
 * Finds the server behind an API address, from WordPress, and the page where it explains its credentials.
 * Nothing is saved.
 *
 * @param apiUrl The address the owner pasted.
 */
export function discoverServer( apiUrl: string ): Promise< DiscoveredServer > {
	return apiFetch< DiscoveredServer >( {
		path: `${ SETUP_PATH }/discovery`,
		method: 'POST',
		data: { apiUrl },
	} );
}
