/**
 * What the engine records about a problem (a Finding's evidence), in the owner's words. The keys are the
 * PHP side's (includes/**: new Finding( code, evidence )); the owner sees only the labels here, and a key
 * without one stays in Troubleshooting (support report, health rows), where the raw evidence is shown.
 */
import type { ReactNode } from 'react';
import { __ } from '@wordpress/i18n';

import { formatDuration, formatMoment } from './time';
import { apiWords } from './apiWords';
import { ScopeName } from './ScopeName';
import { isScopeId } from './scopes';

/** Called each time, so the words follow the language loaded when they are shown. */
function labels(): Record< string, string > {
	return {
		status: __( 'Answer code (HTTP status)', 'causerie-connector' ),
		error: __( 'Error code', 'causerie-connector' ),
		errorDescription: __( 'In Causerie’s words', 'causerie-connector' ),
		apiError: __( 'The API’s error code', 'causerie-connector' ),
		wwwAuthenticate: __(
			'Why the API refused, as it sent it',
			'causerie-connector'
		),
		scope: __( 'Permission asked for', 'causerie-connector' ),
		missing: __( 'What is missing', 'causerie-connector' ),
		granted: __( 'Permissions granted', 'causerie-connector' ),
		requested: __( 'Permissions asked for', 'causerie-connector' ),
		refused: __( 'Permissions refused', 'causerie-connector' ),
		skewSeconds: __( 'Clock difference', 'causerie-connector' ),
		siteTime: __( 'This server’s time', 'causerie-connector' ),
		apiTime: __( 'Causerie’s time', 'causerie-connector' ),
		latencyMs: __( 'Answered in', 'causerie-connector' ),
		elapsedMs: __( 'Answered in', 'causerie-connector' ),
		retryAfter: __( 'Retry after', 'causerie-connector' ),
		waitedSeconds: __( 'Waited', 'causerie-connector' ),
		attempts: __( 'Attempts', 'causerie-connector' ),
		url: __( 'Address called', 'causerie-connector' ),
		address: __( 'Address', 'causerie-connector' ),
		unpublished: __(
			'Addresses that answered “not found”',
			'causerie-connector'
		),
		apiUrl: __( 'API address', 'causerie-connector' ),
		issuer: __( 'Sign-in service', 'causerie-connector' ),
		tokenEndpoint: __(
			'Where the plugin asks for tokens',
			'causerie-connector'
		),
		authMethods: __(
			'Ways of signing in the service offers',
			'causerie-connector'
		),
		resource: __( 'The API’s own name for itself', 'causerie-connector' ),
		authorizationServers: __(
			'Sign-in services the API names',
			'causerie-connector'
		),
		servers: __( 'Sign-in services the API names', 'causerie-connector' ),
		expected: __( 'Expected', 'causerie-connector' ),
		field: __( 'Part of the answer', 'causerie-connector' ),
		reason: __( 'Why', 'causerie-connector' ),
		problem: __( 'Problem', 'causerie-connector' ),
		detail: __( 'Detail', 'causerie-connector' ),
		phase: __( 'Failed while', 'causerie-connector' ),
		contentType: __( 'Kind of answer', 'causerie-connector' ),
		introspection: __(
			'What Causerie said of the token when asked',
			'causerie-connector'
		),
		refusedToken: __(
			'Why the previous token was refused',
			'causerie-connector'
		),
		quota: __( 'Documents the plan holds', 'causerie-connector' ),
		held: __( 'Documents held now', 'causerie-connector' ),
		siteUrl: __( 'This site’s address', 'causerie-connector' ),
		siteEnvironment: __( 'This site runs as', 'causerie-connector' ),
		tokenEnvironment: __(
			'The credentials are made for',
			'causerie-connector'
		),
		profileEnvironment: __(
			'Credentials in use: those for',
			'causerie-connector'
		),
		site: __( 'Credentials in use: those for', 'causerie-connector' ),
		expiredAt: __( 'Expired at', 'causerie-connector' ),
		notBefore: __( 'Valid from', 'causerie-connector' ),
		expiresAt: __( 'Expires at', 'causerie-connector' ),
		secondsLeft: __( 'Time left', 'causerie-connector' ),
		obtainedAt: __( 'Obtained at', 'causerie-connector' ),
		acceptedAt: __( 'Accepted at', 'causerie-connector' ),
		tokenIssuer: __( 'The token was issued by', 'causerie-connector' ),
		audience: __( 'The token is meant for', 'causerie-connector' ),
		kid: __( 'Key that signed the token', 'causerie-connector' ),
		publishedKids: __( 'Keys Causerie publishes', 'causerie-connector' ),
	};
}

/** Every evidence key the plugin words; the jargon test keeps them off the owner's screens. */
export const EVIDENCE_KEYS: readonly string[] = Object.keys( labels() );

/**
 * The owner's label of an evidence key; null for a key this build does not word, which stays in
 * Troubleshooting.
 *
 * @param key An evidence key, such as wwwAuthenticate.
 */
export function evidenceLabel( key: string ): string | null {
	return labels()[ key ] ?? null;
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const SECONDS = new Set( [
	'skewSeconds',
	'retryAfter',
	'waitedSeconds',
	'secondsLeft',
] );

/**
 * An evidence value as the owner reads it: scopes by what they allow, durations and moments in words, the
 * API's own English words framed in the admin's language.
 *
 * @param key   The evidence key.
 * @param value Its value, as the server sent it.
 */
export function evidenceValue( key: string, value: unknown ): ReactNode {
	if ( key === 'errorDescription' && typeof value === 'string' ) {
		return apiWords( value );
	}
	const list = Array.isArray( value ) ? value : [ value ];
	if (
		list.length > 0 &&
		list.every( ( item ) => typeof item === 'string' && isScopeId( item ) )
	) {
		return list.map( ( item, index ) => (
			<span key={ String( item ) }>
				{ index > 0 && ', ' }
				<ScopeName id={ String( item ) } />
			</span>
		) );
	}
	if ( Array.isArray( value ) ) {
		return value.map( String ).join( ' ' );
	}
	if ( typeof value === 'number' ) {
		if ( SECONDS.has( key ) ) {
			return formatDuration( value );
		}
		if ( key.endsWith( 'Ms' ) ) {
			return `${ value } ms`;
		}
	}
	if ( typeof value === 'string' && ISO_MOMENT.test( value ) ) {
		return formatMoment( value );
	}
	return typeof value === 'object'
		? JSON.stringify( value )
		: String( value );
}
