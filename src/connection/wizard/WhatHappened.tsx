import { __ } from '@wordpress/i18n';

import { formatDuration } from '../../shared/time';
import type { Diagnosis } from '../../shared/types';

interface Props {
	diagnosis: Diagnosis;
	evidence: Record< string, unknown >;
}

/** Plain names for the evidence the engine records; anything else shows under its own key. */
const LABELS: Record< string, string > = {
	status: __( 'HTTP status', 'causerie-connector' ),
	error: __( 'Error code', 'causerie-connector' ),
	errorDescription: __( 'The API said', 'causerie-connector' ),
	scope: __( 'Scope asked for', 'causerie-connector' ),
	missing: __( 'Missing scopes', 'causerie-connector' ),
	granted: __( 'Granted scopes', 'causerie-connector' ),
	skewSeconds: __( 'Clock difference', 'causerie-connector' ),
	latencyMs: __( 'Answered in', 'causerie-connector' ),
	elapsedMs: __( 'Answered in', 'causerie-connector' ),
	retryAfter: __( 'Retry after', 'causerie-connector' ),
	url: __( 'Address called', 'causerie-connector' ),
	unpublished: __(
		'Addresses that answered “not found”',
		'causerie-connector'
	),
	siteUrl: __( 'This site’s address', 'causerie-connector' ),
	siteEnvironment: __( 'This site’s environment', 'causerie-connector' ),
	tokenEnvironment: __(
		'The credentials’ environment',
		'causerie-connector'
	),
	contentType: __( 'Content type', 'causerie-connector' ),
};

/** Evidence that is noise to a site owner. */
const HIDDEN = new Set( [ 'serverTime' ] );

function show( key: string, value: unknown ): string {
	if ( Array.isArray( value ) ) {
		return value.map( String ).join( ' ' );
	}
	if ( typeof value === 'number' ) {
		if ( key === 'skewSeconds' || key === 'retryAfter' ) {
			return formatDuration( value );
		}
		if ( key.endsWith( 'Ms' ) ) {
			return `${ value } ms`;
		}
	}
	return typeof value === 'object'
		? JSON.stringify( value )
		: String( value );
}

/**
 * Step 1: the cause in plain words, and what the engine saw (never a token or secret: the server
 * records none).
 *
 * @param props           Component props.
 * @param props.diagnosis The diagnosis.
 * @param props.evidence  What the engine recorded.
 */
export function WhatHappened( { diagnosis, evidence }: Props ) {
	const facts = Object.entries( evidence ).filter(
		( [ key, value ] ) =>
			! HIDDEN.has( key ) &&
			value !== null &&
			value !== '' &&
			value !== undefined
	);
	return (
		<>
			<p className="causerie-wizard__cause">
				<strong>{ diagnosis.title }</strong>
			</p>
			<p>{ diagnosis.explanation }</p>
			{ facts.length > 0 && (
				<>
					<h3>
						{ __( 'What the plugin saw', 'causerie-connector' ) }
					</h3>
					<dl className="causerie-wizard__evidence">
						{ facts.map( ( [ key, value ] ) => (
							<div key={ key }>
								<dt>{ LABELS[ key ] ?? key }</dt>
								<dd>{ show( key, value ) }</dd>
							</div>
						) ) }
					</dl>
				</>
			) }
		</>
	);
}
