/**
 * Generated hostile tokens for the inspector's fuzz test. Each case is made from its own seed, so a failure
 * is reproduced from that one number. The shapes are those of tests/php/Auth/Token_Fuzzer.php: noise, cut
 * or padded segments, the wrong count of dots, the other base64 alphabet, a huge header, deep JSON, every
 * claim of every wrong type, unicode and bytes that are not UTF-8.
 */

export const KINDS = [
	'random bytes',
	'base64url noise',
	'wrong segment count',
	'truncated',
	'padded',
	'base64 alphabet',
	'huge header',
	'deep json',
	'wrong claim types',
	'unicode',
	'not an object',
	'well formed',
] as const;

export type Kind = ( typeof KINDS )[ number ];

export const CLAIMS = [
	'iss',
	'sub',
	'aud',
	'exp',
	'nbf',
	'iat',
	'jti',
	'client_id',
	'scope',
	'scp',
	'environment',
];
const HEADER = [ 'alg', 'kid', 'typ', 'crit', 'b64', 'jwk' ];

/** JSON values of every type, as raw text, so that what JSON.stringify never writes is there too. */
const WRONG_VALUES = [
	'"1900000000"',
	'"  1900000000 "',
	'"1e999"',
	'"soon"',
	'""',
	'"\\u0000"',
	'[]',
	'[1900000000]',
	'[[["deep"]]]',
	'{}',
	'{"exp":1}',
	'1900000000.5',
	'-1',
	'0',
	'-0',
	'1e308',
	'1e999',
	'-1e999',
	'1e13',
	'8640000000001',
	'9223372036854775808',
	'123456789012345678901234567890',
	'true',
	'false',
	'null',
	'"https://evil.test"',
	'["https://evil.test",{"a":[]},7]',
	'{"0":"https://api.test/v1"}',
	'{"__proto__":{"polluted":true}}',
	'{"toString":1,"valueOf":"x"}',
];

/** Unicode in JSON text; the last ones are byte sequences that are not UTF-8 (as Latin-1 code units). */
const UNICODE = [
	'"caf\\u00e9"',
	'"日本語のトークン"',
	'"🔑🔑🔑"',
	'"\\u202eevil"',
	'"\\ud800"',
	'"\\udfff\\ud800"',
	'"a\\u0000b"',
	'"\u00ff\u00fe"',
	'"\u00c3\u0028"',
	'"\u00ed\u00a0\u0080"',
	'"\u00f4\u0090\u0080\u0080"',
	'"\u00ef\u00bb\u00bfbom"',
];

const LETTERS = [
	...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=',
];

/* eslint-disable no-bitwise -- mulberry32 is made of 32-bit integer arithmetic. */
/**
 * mulberry32: small, fast and the same on every engine.
 *
 * @param seed The case's seed.
 */
function generator( seed: number ) {
	let state = seed >>> 0;
	const next = () => {
		state = ( state + 0x6d2b79f5 ) >>> 0;
		let t = state;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 ) / 4294967296;
	};
	const int = ( min: number, max: number ) =>
		min + Math.floor( next() * ( max - min + 1 ) );
	const pick = < T >( values: readonly T[] ): T =>
		values[ int( 0, values.length - 1 ) ] as T;
	return { int, pick };
}
/* eslint-enable no-bitwise */

/**
 * Bytes as a string of code units 0-255, each a byte (what atob returns).
 *
 * @param bytes The bytes.
 */
function binary( bytes: ArrayLike< number > ): string {
	let text = '';
	for ( let at = 0; at < bytes.length; at += 8192 ) {
		text += String.fromCharCode(
			...Array.prototype.slice.call( bytes, at, at + 8192 )
		);
	}
	return text;
}

/**
 * JOSE's base64url of text: UTF-8 for real characters; code units below 256 from binary() stay bytes.
 *
 * @param text  The text.
 * @param bytes Whether the text is already bytes.
 */
export function base64url( text: string, bytes = false ): string {
	const raw = bytes ? text : binary( new TextEncoder().encode( text ) );
	return btoa( raw )
		.replace( /\+/g, '-' )
		.replace( /\//g, '_' )
		.replace( /=+$/, '' );
}

function object( members: Record< string, string > ): string {
	return `{${ Object.entries( members )
		.map( ( [ name, json ] ) => `"${ name }":${ json }` )
		.join( ',' ) }}`;
}

export interface FuzzCase {
	kind: Kind;
	token: string;
}

/**
 * The token of one case.
 *
 * @param seed The case's seed.
 */
export function fuzzToken( seed: number ): FuzzCase {
	const { int, pick } = generator( seed );
	const kind = KINDS[ seed % KINDS.length ] as Kind;
	const randomBytes = ( length: number ) =>
		binary( Array.from( { length }, () => int( 0, 255 ) ) );
	const noise = () =>
		Array.from( { length: int( 0, 120 ) }, () => pick( LETTERS ) ).join(
			''
		);
	const header = ( members: Record< string, string > = {} ) =>
		object( {
			alg: `"${ pick( [ 'RS256', 'ES256', 'ES384', 'PS256', 'HS256', 'none', 'XX256', 'RS', '' ] ) }"`,
			typ: '"at+jwt"',
			kid: `"${ pick( [ 'rs256-key', 'es256-key', 'unknown', '' ] ) }"`,
			...members,
		} );
	const claims = ( members: Record< string, string > = {} ) => {
		const now = 1_900_000_000 + int( -7200, 7200 );
		return object( {
			iss: '"http://127.0.0.1:8877"',
			sub: '"wp-development"',
			aud: '"http://127.0.0.1:8877/v1"',
			exp: String( now + 3600 ),
			nbf: String( now ),
			iat: String( now ),
			jti: `"${ int( 0, 2 ** 31 ) }"`,
			client_id: '"wp-development"',
			scope: '"read:widget write:knowledge"',
			environment: `"${ pick( [ 'development', 'production' ] ) }"`,
			...members,
		} );
	};
	// Text with code units above 255 is encoded as UTF-8; text made of bytes (invalid UTF-8) as is.
	const segment = ( json: string ) =>
		base64url(
			json,
			/^[\x00-\xff]*$/.test( json ) && /[\x80-\xff]/.test( json )
		);
	const jwt = ( h: string, c: string ) =>
		`${ segment( h ) }.${ segment( c ) }.${ base64url( randomBytes( pick( [ 0, 64, 256 ] ) ), true ) }`;

	const make: Record< Kind, () => string > = {
		'random bytes': () => randomBytes( int( 0, 300 ) ),
		'base64url noise': () =>
			Array.from( { length: int( 1, 5 ) }, noise ).join( '.' ),
		'wrong segment count': () => {
			const parts = [
				segment( header() ),
				segment( claims() ),
				'c2ln',
				'e30',
				'',
			];
			const count = pick( [ 0, 1, 2, 4, 5, 6, 40 ] );
			return (
				Array.from( { length: count }, () => pick( parts ) ).join(
					'.'
				) + ( count === 1 ? '.' : '' )
			);
		},
		truncated: () => jwt( header(), claims() ).slice( 0, int( 0, 200 ) ),
		padded: () => {
			const parts = jwt( header(), claims() ).split( '.' );
			const at = int( 0, 2 );
			const part = parts[ at ] ?? '';
			parts[ at ] = pick( [
				part + '='.repeat( int( 1, 3 ) ),
				part + noise(),
				'A'.repeat( int( 1, 5 ) ) + part,
				part.replace(
					/(.{1,17})/g,
					`$1${ pick( [ '\n', ' ', '\t', '\r\n' ] ) }`
				),
				part + '%3D',
			] );
			return (
				pick( [ '', 'Bearer ', 'bearer  ', '  \n' ] ) +
				parts.join( '.' ) +
				pick( [ '', ' ', '\n', '.' ] )
			);
		},
		'base64 alphabet': () =>
			[
				header(),
				claims( {
					sub: `"${ '\u00fb\u00ff'.repeat( int( 1, 30 ) ) }"`,
				} ),
				randomBytes( 64 ),
			]
				.map( ( part ) =>
					btoa(
						/^[\x00-\xff]*$/.test( part )
							? part
							: binary( new TextEncoder().encode( part ) )
					)
				)
				.join( '.' ),
		'huge header': () =>
			jwt(
				header( {
					kid: `"${ pick( [ 'k', '\\u00e9', '🔑' ] ).repeat( int( 300, 4500 ) ) }"`,
				} ),
				claims()
			),
		'deep json': () => {
			const depth = int( 10, 2000 );
			const [ open, close ] = pick( [
				[ '[', ']' ],
				[ '{"a":', '}' ],
			] ) as [ string, string ];
			const value = open.repeat( depth ) + '1' + close.repeat( depth );
			return int( 0, 1 )
				? jwt( header( { kid: value } ), claims() )
				: jwt(
						header(),
						claims( { [ pick( [ ...CLAIMS, 'extra' ] ) ]: value } )
					);
		},
		'wrong claim types': () => {
			const wrong = Object.fromEntries(
				CLAIMS.filter( () => int( 0, 2 ) === 0 ).map( ( name ) => [
					name,
					pick( WRONG_VALUES ),
				] )
			);
			const head =
				int( 0, 2 ) === 0
					? { [ pick( HEADER ) ]: pick( WRONG_VALUES ) }
					: {};
			return jwt( header( head ), claims( wrong ) );
		},
		unicode: () => {
			const name = pick( [ ...CLAIMS, ...HEADER ] );
			const value = pick( UNICODE );
			const token = HEADER.includes( name )
				? jwt( header( { [ name ]: value } ), claims() )
				: jwt( header(), claims( { [ name ]: value } ) );
			// Now and then the unicode is in the token itself, outside any segment.
			return int( 0, 5 ) === 0
				? token.replace( /\./g, pick( UNICODE ).slice( 1, -1 ) )
				: token;
		},
		'not an object': () => {
			const json = pick( [
				'',
				' ',
				'1',
				'"text"',
				'null',
				'true',
				'[]',
				'[{}]',
				'{',
				'{"a":}',
				'{"a":1,"a":2}',
				'{"":1}',
				'{"exp":1900000000}garbage',
			] );
			return int( 0, 1 ) ? jwt( json, claims() ) : jwt( header(), json );
		},
		'well formed': () => jwt( header(), claims() ),
	};
	return { kind, token: make[ kind ]() };
}
