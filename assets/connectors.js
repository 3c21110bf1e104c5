/**
 * Settings → Connectors (WordPress 7.0 and later): the component of Causerie's row. Core renders a connector
 * only when a script gives it one, and gives one only to API-key connectors; the name, description and logo
 * come from the plugin's PHP registration (includes/Admin/Connectors_Page.php), and the link from the data it
 * prints for this module. A plain module, shipped as is: it runs on that screen only, beside core's bundle.
 */
/* eslint-disable @wordpress/no-unsafe-wp-apis, import/no-unresolved -- the only API WordPress 7.0 and 7.1 give a connector's row; a script module the page's import map resolves, not a package. */
import {
	__experimentalRegisterConnector as registerConnector,
	__experimentalConnectorItem as ConnectorItem,
} from '@wordpress/connectors';
/* eslint-enable @wordpress/no-unsafe-wp-apis, import/no-unresolved */

const MODULE = 'causerie-connector/connectors';

/** The data the plugin printed for this module: the row's slug and the link to its screen. */
function moduleData() {
	const element = document.getElementById(
		`wp-script-module-data-${ MODULE }`
	);
	try {
		return JSON.parse( element?.textContent ?? '{}' );
	} catch {
		return {};
	}
}

const data = moduleData();
const { createElement } = window.wp.element;
const { Button } = window.wp.components;

/**
 * Causerie's row: core's item with a link to the plugin's screen, where the credentials are set and checked.
 *
 * @param {Object} props             What the Connectors screen passes.
 * @param {string} props.name        Display name.
 * @param {string} props.description Description.
 * @param {Object} props.logo        Logo (an element).
 */
function CauserieConnector( { name, description, logo } ) {
	return createElement( ConnectorItem, {
		className: 'connector-item--causerie',
		logo,
		name,
		description,
		actionArea: createElement(
			Button,
			{ variant: 'secondary', size: 'compact', href: data.url },
			data.linkLabel
		),
	} );
}

if ( data.slug && data.url ) {
	registerConnector( data.slug, { render: CauserieConnector } );
}
