import { Notice } from '@wordpress/components';
import { createRoot } from '@wordpress/element';

import {
	fetchDiagnosisTexts,
	fetchLastChecks,
	fetchSettings,
	fetchSetup,
	fetchSite,
	fetchStatus,
	toRestError,
} from './shared/api';
import { App } from './App';
import './index.scss';

const ROOT_ID = 'causerie-connector-root';

const container = document.getElementById( ROOT_ID );
if ( container ) {
	const root = createRoot( container );
	// Preloaded by the settings page: these resolve without a request, so the first paint has the data.
	Promise.all( [
		fetchSite(),
		fetchStatus(),
		fetchLastChecks(),
		fetchSettings().catch( () => null ),
		fetchDiagnosisTexts().catch( () => null ),
		fetchSetup().catch( () => null ),
	] )
		.then( ( [ site, status, checks, settings, texts, setup ] ) =>
			root.render(
				<App
					initial={ { site, status, checks, settings, texts, setup } }
				/>
			)
		)
		.catch( ( reason: unknown ) =>
			root.render(
				<Notice status="error" isDismissible={ false }>
					{ toRestError( reason ).message }
				</Notice>
			)
		);
}
