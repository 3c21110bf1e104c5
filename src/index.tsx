import { Notice } from '@wordpress/components';
import { createRoot } from '@wordpress/element';

import {
	fetchLastChecks,
	fetchSettings,
	fetchSite,
	fetchStatus,
} from './shared/api/connection';
import { toRestError } from './shared/api/rest';
import { fetchSetup } from './shared/api/setup';
import { fetchDiagnosisTexts } from './shared/api/troubleshooting';
import { App } from './App';
import './index.scss';

const ROOT_ID = 'causerie-connector-root';
/** The root's data-screen on Network Admin → Settings → Causerie (Admin\Network_Settings_Page). */
const NETWORK_SCREEN = 'network';

function mountSite( root: ReturnType< typeof createRoot > ): Promise< void > {
	// Preloaded by the settings page: these resolve without a request, so the first paint has the data.
	return Promise.all( [
		fetchSite(),
		fetchStatus(),
		fetchLastChecks(),
		fetchSettings().catch( () => null ),
		fetchDiagnosisTexts().catch( () => null ),
		fetchSetup().catch( () => null ),
	] ).then( ( [ site, status, checks, settings, texts, setup ] ) =>
		root.render(
			<App initial={ { site, status, checks, settings, texts, setup } } />
		)
	);
}

const container = document.getElementById( ROOT_ID );
if ( container ) {
	const root = createRoot( container );
	// The network's screen is the same app in its network mode, fetched only there.
	const painted =
		container.dataset.screen === NETWORK_SCREEN
			? import(
					/* webpackChunkName: "network" */ './network/mount'
				).then( ( chunk ) => chunk.mountNetwork( root ) )
			: mountSite( root );
	painted.catch( ( reason: unknown ) =>
		root.render(
			<Notice status="error" isDismissible={ false }>
				{ toRestError( reason ).message }
			</Notice>
		)
	);
}
