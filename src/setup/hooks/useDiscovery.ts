import { useEffect, useRef, useState } from '@wordpress/element';

import { discoverServer } from '../../shared/api/setup';
import { readFailure } from '../../connection/credentials/serverErrors';
import type { Failure } from '../../connection/credentials/types';
import type { DiscoveredServer } from '../../shared/types';
import { looksLikeAddress } from '../address';

/** How long typing may pause before the server is asked: a paste asks at once, typing asks once. */
export const DISCOVERY_DELAY_MS = 400;

export interface Discovery {
	/** What the server answered for the address in the field; null until then. */
	found: DiscoveredServer | null;
	/** Why it could not be found: a field error or a diagnosis. */
	failure: Failure | null;
	isBusy: boolean;
}

/**
 * Finds the server behind the address as it is pasted or typed, through WordPress (POST /setup/discovery).
 * An answer about an address the field no longer holds is dropped.
 *
 * @param address What the API address field holds.
 */
export function useDiscovery( address: string ): Discovery {
	const [ state, setState ] = useState< Discovery >( {
		found: null,
		failure: null,
		isBusy: false,
	} );
	const latest = useRef( 0 );

	useEffect( () => {
		const asked = ++latest.current;
		if ( ! looksLikeAddress( address ) ) {
			setState( { found: null, failure: null, isBusy: false } );
			return undefined;
		}
		setState( { found: null, failure: null, isBusy: true } );
		const timer = window.setTimeout( () => {
			discoverServer( address.trim() )
				.then(
					( found ): Discovery => ( {
						found,
						failure: null,
						isBusy: false,
					} ),
					( reason: unknown ): Discovery => ( {
						found: null,
						failure: readFailure( reason ),
						isBusy: false,
					} )
				)
				.then( ( next ) => {
					if ( asked === latest.current ) {
						setState( next );
					}
				} );
		}, DISCOVERY_DELAY_MS );
		return () => window.clearTimeout( timer );
	}, [ address ] );

	return state;
}
