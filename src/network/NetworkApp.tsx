import { __ } from '@wordpress/i18n';

import { CredentialsPanel } from '../connection/CredentialsPanel';
import type { NetworkSiteSync, Settings } from '../shared/types';
import { NetworkSyncTable } from './NetworkSyncTable';

export interface NetworkInitial {
	/** The network's own profile; null when it could not be read. */
	settings: Settings | null;
	sites: NetworkSiteSync[];
}

/**
 * Network Admin → Settings → Causerie: the credentials every site uses unless it sets its own, saved
 * through the network's route, and each site's knowledge sync.
 */
export function NetworkApp( { initial }: { initial: NetworkInitial } ) {
	return (
		<div className="causerie-network">
			<p>
				{ __(
					"Every site of the network uses these credentials unless its administrator saves other ones on the site's own Settings → Causerie screen. Each field a site leaves empty comes from here.",
					'causerie-connector'
				) }
			</p>
			<CredentialsPanel
				level="network"
				{ ...( initial.settings
					? { initialSettings: initial.settings }
					: {} ) }
			/>
			<NetworkSyncTable rows={ initial.sites } />
		</div>
	);
}
