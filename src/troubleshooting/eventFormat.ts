/**
 * Words for the event log: what each kind and code means, and a one-line summary of an event's context.
 */
import { __, sprintf } from '@wordpress/i18n';

import { isDiagnosisCode } from '../shared/codes';
import type { DiagnosisTexts, EventKind, LoggedEvent } from '../shared/types';

export const EVENT_KINDS: readonly EventKind[] = [
	'token',
	'api',
	'settings',
	'site',
	'sync',
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
		case 'sync':
			return __( 'Knowledge sync', 'causerie-connector' );
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
	resumed: () =>
		__( 'Sending content to the chatbot resumed', 'causerie-connector' ),
	full_sync_started: () =>
		__( 'A full sync of the content started', 'causerie-connector' ),
	full_sync_finished: () =>
		__( 'A full sync of the content finished', 'causerie-connector' ),
	full_sync_cancelled: () =>
		__( 'A full sync of the content was cancelled', 'causerie-connector' ),
	reconciled: () =>
		__(
			"The chatbot's knowledge was checked against the site",
			'causerie-connector'
		),
};

function contextValue(
	context: LoggedEvent[ 'context' ],
	key: string
): unknown {
	return context && ! Array.isArray( context ) ? context[ key ] : undefined;
}

/** What a token revocation came to (Auth\Revocation). */
function revokedLabel( outcome: unknown ): string {
	switch ( outcome ) {
		case 'revoked':
			return __(
				'An old access token was revoked',
				'causerie-connector'
			);
		case 'unsupported':
			return __(
				'An old access token could not be revoked: the sign-in service does not offer it, so the token lasts until it expires',
				'causerie-connector'
			);
		case 'failed':
			return __(
				'Revoking an old access token failed; it lasts until it expires',
				'causerie-connector'
			);
		default:
			return __( 'Revoking an old access token', 'causerie-connector' );
	}
}

/**
 * The token events that name a cause (context `cause`): a self-repair, or a new token the API refused.
 *
 * @param code  The event's code.
 * @param title The cause's title, when known.
 */
function causedLabel( code: string, title: string | null ): string | null {
	if ( code === 'healed' ) {
		return title
			? sprintf(
					/* translators: %s: what was wrong, such as "The access token was revoked." */
					__( 'Repaired on its own: %s', 'causerie-connector' ),
					title
				)
			: __(
					'The connection was repaired on its own',
					'causerie-connector'
				);
	}
	if ( code === 'regeneration_refused' ) {
		return title
			? sprintf(
					/* translators: %s: why the API refused it, such as "The access token's signature does not match Causerie's keys." */
					__(
						'A new access token was refused, so the old one was kept: %s',
						'causerie-connector'
					),
					title
				)
			: __(
					'A new access token was refused, so the old one was kept',
					'causerie-connector'
				);
	}
	return null;
}

/**
 * A plain-language label for an event code; an unknown code is shown as it is.
 *
 * @param code    The event's code.
 * @param texts   The diagnoses' texts, when loaded.
 * @param context The event's context, for the events whose words depend on it.
 * @param kind    The event's kind: a sync pause is not the connection's.
 */
export function eventLabel(
	code: string,
	texts: DiagnosisTexts | null,
	context: LoggedEvent[ 'context' ] = null,
	kind: EventKind | null = null
): string {
	if ( kind === 'sync' && code === 'paused' ) {
		return __(
			'Sending content to the chatbot was paused',
			'causerie-connector'
		);
	}
	if ( code === 'revoked' ) {
		return revokedLabel( contextValue( context, 'outcome' ) );
	}
	const cause = contextValue( context, 'cause' );
	const caused = causedLabel(
		code,
		( typeof cause === 'string' &&
			isDiagnosisCode( cause ) &&
			texts?.[ cause ]?.title ) ||
			null
	);
	if ( caused ) {
		return caused;
	}
	const action = ACTION_LABELS[ code ];
	if ( action ) {
		return action();
	}
	// Diagnoses carry the server's own, translated titles, the same ones the wizard shows.
	return diagnosisTitle( code, texts ) ?? code;
}

function diagnosisTitle(
	code: string,
	texts: DiagnosisTexts | null
): string | null {
	return ( isDiagnosisCode( code ) && texts?.[ code ]?.title ) || null;
}

/**
 * The code to show beside an event's label, for support: a diagnosis' code, which names the cause the
 * support report and the Catalog use. Null when the label already says it: the plugin's own actions
 * ("A new access token was issued" is all `issued` means), and a code shown as its own label.
 *
 * @param code    The event's code.
 * @param texts   The diagnoses' texts, when loaded.
 * @param context The event's context.
 * @param kind    The event's kind.
 */
export function eventCode(
	code: string,
	texts: DiagnosisTexts | null,
	context: LoggedEvent[ 'context' ] = null,
	kind: EventKind | null = null
): string | null {
	const label = eventLabel( code, texts, context, kind );
	return label === diagnosisTitle( code, texts ) ? code : null;
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
	cause: () => __( 'Cause', 'causerie-connector' ),
	outcome: () => __( 'Outcome', 'causerie-connector' ),
	previousRevoked: () => __( 'Old token revoked', 'causerie-connector' ),
	secretExpiresAt: () => __( 'Secret expires', 'causerie-connector' ),
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
				`${ CONTEXT_LABELS[ key ]?.() ?? key }: ${ formatValue( value ) }`
		)
		.join( '; ' );
}
