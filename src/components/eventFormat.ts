/**
 * Words for the event log: what each kind and code means, and a one-line summary of an event's context.
 */
import { __ } from '@wordpress/i18n';

import { isDiagnosisCode, type DiagnosisCode } from '../diagnosis/codes';
import type { EventKind, LoggedEvent } from '../types';

export const EVENT_KINDS: readonly EventKind[] = [
	'token',
	'api',
	'settings',
	'site',
];

export function kindLabel( kind: EventKind ): string {
	switch ( kind ) {
		case 'token':
			return __( 'Access token', 'causerie-connector' );
		case 'api':
			return __( 'API call', 'causerie-connector' );
		case 'settings':
			return __( 'Settings', 'causerie-connector' );
		case 'site':
			return __( 'Site address', 'causerie-connector' );
	}
}

/** What the plugin did, as logged by the engine besides diagnosis codes. */
const ACTION_LABELS: Record< string, () => string > = {
	issued: () => __( 'A new access token was issued', 'causerie-connector' ),
	renewed: () => __( 'The access token was renewed', 'causerie-connector' ),
	regenerated: () =>
		__( 'The access token was regenerated', 'causerie-connector' ),
	saved: () => __( 'Credentials were saved', 'causerie-connector' ),
	paused: () =>
		__( 'The connection was paused on this copy', 'causerie-connector' ),
	rebound: () =>
		__(
			'The connection was moved to this site address',
			'causerie-connector'
		),
};

// A Record over every code makes tsc fail when codes.json gains one without a label here.
const DIAGNOSIS_LABELS: Record< DiagnosisCode, () => string > = {
	token_expired: () => __( 'The access token expired', 'causerie-connector' ),
	token_malformed: () =>
		__( 'The access token could not be read', 'causerie-connector' ),
	token_signature_invalid: () =>
		__( 'The access token signature was refused', 'causerie-connector' ),
	token_revoked: () =>
		__( 'The access token was revoked', 'causerie-connector' ),
	token_invalid: () =>
		__( 'Causerie refused the access token', 'causerie-connector' ),
	insufficient_scope: () =>
		__( 'A permission (scope) was missing', 'causerie-connector' ),
	environment_mismatch: () =>
		__(
			'The credentials belong to another environment',
			'causerie-connector'
		),
	invalid_client: () =>
		__( 'Causerie refused the client id or secret', 'causerie-connector' ),
	invalid_grant: () =>
		__( 'Causerie refused the saved authorization', 'causerie-connector' ),
	invalid_scope: () =>
		__( 'Causerie refused the requested scopes', 'causerie-connector' ),
	unauthorized_client: () =>
		__( 'The client may not connect this way', 'causerie-connector' ),
	token_endpoint_error: () =>
		__(
			'The sign-in service gave an unexpected answer',
			'causerie-connector'
		),
	dns_failure: () =>
		__( 'The API address could not be found', 'causerie-connector' ),
	connection_refused: () =>
		__( 'The API refused the connection', 'causerie-connector' ),
	timeout: () => __( 'The API did not answer in time', 'causerie-connector' ),
	tls_failure: () =>
		__( 'The secure (HTTPS) connection failed', 'causerie-connector' ),
	network_error: () =>
		__( 'The connection to the API failed', 'causerie-connector' ),
	server_error: () =>
		__( 'The API had a server error', 'causerie-connector' ),
	rate_limited: () =>
		__( 'The API asked to slow down', 'causerie-connector' ),
	not_json: () =>
		__(
			'The API answered with a web page instead of data',
			'causerie-connector'
		),
	metadata_invalid: () =>
		__(
			'The API described itself under another address',
			'causerie-connector'
		),
	clock_skew: () =>
		__( "The server's clock was out of step", 'causerie-connector' ),
	encryption_key_changed: () =>
		__( 'The stored secret could not be decrypted', 'causerie-connector' ),
	site_moved: () => __( "The site's address changed", 'causerie-connector' ),
	connection_paused: () =>
		__( 'The connection is paused', 'causerie-connector' ),
	not_configured: () =>
		__( 'The connection is not set up', 'causerie-connector' ),
};

/**
 * A plain-language label for an event code; an unknown code is shown as it is.
 *
 * @param code The event's code.
 */
export function eventLabel( code: string ): string {
	const action = ACTION_LABELS[ code ];
	if ( action ) {
		return action();
	}
	return isDiagnosisCode( code ) ? DIAGNOSIS_LABELS[ code ]() : code;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A date in the admin's local time and language.
 *
 * @param iso An ISO 8601 date.
 */
export function localTime( iso: string ): string {
	const date = new Date( iso );
	return Number.isNaN( date.getTime() )
		? iso
		: date.toLocaleString( undefined, {
				dateStyle: 'medium',
				timeStyle: 'medium',
			} );
}

const CONTEXT_LABELS: Record< string, () => string > = {
	grant: () => __( 'Grant', 'causerie-connector' ),
	expiresAt: () => __( 'Expires', 'causerie-connector' ),
	scopes: () => __( 'Scopes', 'causerie-connector' ),
	environment: () => __( 'Profile', 'causerie-connector' ),
	fields: () => __( 'Fields', 'causerie-connector' ),
	siteUrl: () => __( 'Site address', 'causerie-connector' ),
	url: () => __( 'Address', 'causerie-connector' ),
	status: () => __( 'HTTP status', 'causerie-connector' ),
	elapsedMs: () => __( 'Time (ms)', 'causerie-connector' ),
	detail: () => __( 'Detail', 'causerie-connector' ),
};

function formatValue( value: unknown ): string {
	if ( value === null || value === undefined || value === '' ) {
		return '—';
	}
	if ( typeof value === 'string' ) {
		return ISO_DATE.test( value ) ? localTime( value ) : value;
	}
	if ( typeof value === 'number' || typeof value === 'boolean' ) {
		return String( value );
	}
	if ( Array.isArray( value ) ) {
		return value.map( formatValue ).join( ', ' );
	}
	return JSON.stringify( value );
}

/**
 * The event's context in one readable line, such as "Grant: refresh_token; Scopes: read:widget".
 *
 * @param context The event's context, as the server sends it.
 */
export function summarizeContext( context: LoggedEvent[ 'context' ] ): string {
	if ( context === null ) {
		return '';
	}
	if ( Array.isArray( context ) ) {
		return context.map( formatValue ).join( ', ' );
	}
	return Object.entries( context )
		.map(
			( [ key, value ] ) =>
				`${ CONTEXT_LABELS[ key ]?.() ?? key }: ${ formatValue(
					value
				) }`
		)
		.join( '; ' );
}
