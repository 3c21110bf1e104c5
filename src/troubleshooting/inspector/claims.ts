/**
 * The header and claims as table rows a site owner can read, with times as local dates and a countdown.
 */
import { __, sprintf } from '@wordpress/i18n';
import type { JWTPayload, ProtectedHeaderParameters } from 'jose';

export interface ClaimRow {
	/** The JWT name (alg, iss, exp...), shown beside the label. */
	name: string;
	label: string;
	value: string;
}

export const TIME_CLAIMS = [ 'iat', 'nbf', 'exp' ] as const;

/**
 * The granted scopes: RFC 9068's space-separated `scope`, or the `scp` array some servers use.
 *
 * @param claims The token's claims.
 */
export function scopesOf( claims: JWTPayload ): string[] {
	if ( typeof claims.scope === 'string' ) {
		return claims.scope.split( ' ' ).filter( Boolean );
	}
	return Array.isArray( claims.scp )
		? claims.scp.filter(
				( scope ): scope is string => typeof scope === 'string'
			)
		: [];
}

/** The furthest a Date reaches from the epoch, in seconds (ECMAScript's 8.64e15 ms). */
const DATE_RANGE_SECONDS = 8.64e12;

/**
 * Whether a claim is a NumericDate a Date can hold: a number within its range, not Infinity (which JSON.parse
 * makes of 1e999) nor 1e13, which would make formatting throw.
 *
 * @param value A claim.
 */
export function isDate( value: unknown ): value is number {
	return typeof value === 'number' && Math.abs( value ) <= DATE_RANGE_SECONDS;
}

let dateFormat: Intl.DateTimeFormat | undefined;

/**
 * A NumericDate as a local date and time.
 *
 * @param seconds Seconds since the epoch.
 */
export function formatDate( seconds: number ): string {
	// Made once: the claims table formats three dates on every tick of its countdown.
	dateFormat ??= new Intl.DateTimeFormat( undefined, {
		dateStyle: 'medium',
		timeStyle: 'medium',
	} );
	return dateFormat.format( new Date( seconds * 1000 ) );
}

const formatSeconds = ( n: number ) =>
	sprintf(
		/* translators: %d: number of seconds. */
		__( '%d s', 'causerie-connector' ),
		n
	);

/** Each unit's size in seconds and how it reads, largest first. */
const UNITS: Array< [ number, ( n: number ) => string ] > = [
	/* translators: %d: number of days. */
	[ 86400, ( n ) => sprintf( __( '%d d', 'causerie-connector' ), n ) ],
	/* translators: %d: number of hours. */
	[ 3600, ( n ) => sprintf( __( '%d h', 'causerie-connector' ), n ) ],
	/* translators: %d: number of minutes. */
	[ 60, ( n ) => sprintf( __( '%d min', 'causerie-connector' ), n ) ],
	[ 1, formatSeconds ],
];

/**
 * A duration as its two largest units: "2 d 3 h", "59 min 59 s", "0 s".
 *
 * @param totalSeconds A duration; fractions are dropped and a negative one counts as its absolute value.
 */
export function formatDuration( totalSeconds: number ): string {
	let rest = Math.floor( Math.abs( totalSeconds ) );
	const counts = UNITS.map( ( [ size, format ] ) => {
		const count = Math.floor( rest / size );
		rest %= size;
		return { count, format };
	} );
	const first = counts.findIndex( ( { count } ) => count > 0 );
	if ( first === -1 ) {
		return formatSeconds( 0 );
	}
	return counts
		.slice( first, first + 2 )
		.filter( ( { count } ) => count > 0 )
		.map( ( { count, format } ) => format( count ) )
		.join( ' ' );
}

export interface Countdown {
	expired: boolean;
	text: string;
}

/**
 * How long the token has left, or how long ago it expired.
 *
 * @param exp   The exp claim, in seconds since the epoch.
 * @param nowMs The current time, in milliseconds since the epoch.
 */
export function countdown( exp: number, nowMs: number ): Countdown {
	const left = exp - nowMs / 1000;
	if ( left > 0 ) {
		return {
			expired: false,
			text: sprintf(
				/* translators: %s: a duration such as "59 min 30 s". */
				__( '%s left', 'causerie-connector' ),
				formatDuration( left )
			),
		};
	}
	return {
		expired: true,
		text: sprintf(
			/* translators: %s: a duration such as "2 h 5 min". */
			__( 'expired %s ago', 'causerie-connector' ),
			formatDuration( left )
		),
	};
}

function display( value: unknown ): string {
	if ( value === undefined || value === null || value === '' ) {
		return __( '(not set)', 'causerie-connector' );
	}
	if ( Array.isArray( value ) ) {
		return value.map( display ).join( ', ' );
	}
	return typeof value === 'string' ? value : JSON.stringify( value );
}

function displayTime( value: unknown ): string {
	return isDate( value ) ? formatDate( value ) : display( value );
}

/**
 * The rows of the inspector's table, in the order a reader needs them.
 *
 * @param header The protected header.
 * @param claims The claims.
 */
export function claimRows(
	header: ProtectedHeaderParameters,
	claims: JWTPayload
): ClaimRow[] {
	const scopes = scopesOf( claims );
	return [
		{
			name: 'alg',
			label: __( 'Signature algorithm', 'causerie-connector' ),
			value: display( header.alg ),
		},
		{
			name: 'kid',
			label: __( 'Signing key', 'causerie-connector' ),
			value: display( header.kid ),
		},
		{
			name: 'typ',
			label: __( 'Token type', 'causerie-connector' ),
			value: display( header.typ ),
		},
		{
			name: 'iss',
			label: __( 'Issuer', 'causerie-connector' ),
			value: display( claims.iss ),
		},
		{
			name: 'aud',
			label: __( 'Audience', 'causerie-connector' ),
			value: display( claims.aud ),
		},
		{
			name: 'sub',
			label: __( 'Subject (client)', 'causerie-connector' ),
			value: display( claims.sub ),
		},
		{
			name: 'scope',
			label: __( 'Scopes', 'causerie-connector' ),
			value:
				scopes.length > 0 ? scopes.join( ' ' ) : display( undefined ),
		},
		{
			name: 'environment',
			label: __( 'Environment', 'causerie-connector' ),
			value: display( claims.environment ),
		},
		{
			name: 'iat',
			label: __( 'Issued at', 'causerie-connector' ),
			value: displayTime( claims.iat ),
		},
		{
			name: 'nbf',
			label: __( 'Not valid before', 'causerie-connector' ),
			value: displayTime( claims.nbf ),
		},
		{
			name: 'exp',
			label: __( 'Expires at', 'causerie-connector' ),
			value: displayTime( claims.exp ),
		},
	];
}
