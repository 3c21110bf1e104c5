import { __ } from '@wordpress/i18n';

/**
 * Troubleshooting's sections, under the health rows; each name is also a hash the screen opens on (#token).
 * The event log comes first: what happened, and when, is where support starts; the token inspector, which
 * fetches the heaviest chunk, waits for a click.
 */
export const SECTIONS = [
	{ name: 'events', title: __( 'Event log', 'causerie-connector' ) },
	{ name: 'support', title: __( 'Support report', 'causerie-connector' ) },
	{ name: 'token', title: __( 'Token inspector', 'causerie-connector' ) },
	{ name: 'site', title: __( 'This site', 'causerie-connector' ) },
];
