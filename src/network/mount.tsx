import type { createRoot } from '@wordpress/element';

import { fetchSettings } from '../shared/api/connection';
import { fetchNetworkSync } from '../shared/api/knowledge';
import { NetworkApp } from './NetworkApp';

/**
 * Paints the network's screen from its preloaded answers.
 *
 * @param root Where to render.
 */
export function mountNetwork(
	root: ReturnType< typeof createRoot >
): Promise< void > {
	return Promise.all( [
		fetchSettings( undefined, 'network' ).catch( () => null ),
		fetchNetworkSync(),
	] ).then( ( [ settings, sites ] ) =>
		root.render( <NetworkApp initial={ { settings, sites } } /> )
	);
}
