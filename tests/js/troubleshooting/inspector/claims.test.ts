import {
	claimRows,
	countdown,
	formatDate,
	formatDuration,
	scopesOf,
} from '../../../../src/troubleshooting/inspector/claims';
import { NOW, accessClaims } from './tokens';

describe( 'formatDuration', () => {
	it.each( [
		[ 0, '0 s' ],
		[ 0.4, '0 s' ],
		[ 45, '45 s' ],
		[ 60, '1 min' ],
		[ 3599, '59 min 59 s' ],
		[ 3600, '1 h' ],
		[ 3661, '1 h 1 min' ],
		[ 90061, '1 d 1 h' ],
		[ 86400 + 59, '1 d' ],
		[ -125, '2 min 5 s' ],
	] )( 'writes %d seconds as "%s"', ( seconds, text ) => {
		expect( formatDuration( seconds ) ).toBe( text );
	} );
} );

describe( 'countdown', () => {
	it( 'counts the time left before exp', () => {
		expect( countdown( NOW + 3599, NOW * 1000 ) ).toEqual( {
			expired: false,
			text: '59 min 59 s left',
		} );
		expect( countdown( NOW + 1, NOW * 1000 + 500 ) ).toEqual( {
			expired: false,
			text: '0 s left',
		} );
	} );

	it( 'counts the time since expiry', () => {
		expect( countdown( NOW, NOW * 1000 ) ).toEqual( {
			expired: true,
			text: 'expired 0 s ago',
		} );
		expect( countdown( NOW - 7260, NOW * 1000 ) ).toEqual( {
			expired: true,
			text: 'expired 2 h 1 min ago',
		} );
	} );
} );

describe( 'scopesOf', () => {
	it( 'splits the space-separated scope claim', () => {
		expect( scopesOf( { scope: 'read:widget  write:knowledge' } ) ).toEqual(
			[ 'read:widget', 'write:knowledge' ]
		);
	} );

	it( 'reads an scp array, and nothing when neither is there', () => {
		expect( scopesOf( { scp: [ 'read:widget', 3 ] } ) ).toEqual( [
			'read:widget',
		] );
		expect( scopesOf( {} ) ).toEqual( [] );
	} );
} );

describe( 'claimRows', () => {
	const rows = claimRows(
		{ alg: 'RS256', kid: 'k1', typ: 'at+jwt' },
		accessClaims( { claims: { nbf: undefined } } )
	);
	const valueOf = ( name: string ) =>
		rows.find( ( row ) => row.name === name )?.value;

	it( 'lists the header and claims the inspector shows, in order', () => {
		expect( rows.map( ( row ) => row.name ) ).toEqual( [
			'alg',
			'kid',
			'typ',
			'iss',
			'aud',
			'sub',
			'scope',
			'environment',
			'iat',
			'nbf',
			'exp',
		] );
		expect( valueOf( 'alg' ) ).toBe( 'RS256' );
		expect( valueOf( 'aud' ) ).toBe( 'http://127.0.0.1:8877/v1' );
		expect( valueOf( 'scope' ) ).toBe(
			'read:conversations write:knowledge read:widget'
		);
		expect( valueOf( 'environment' ) ).toBe( 'development' );
	} );

	it( 'shows times as local dates, and missing values as such', () => {
		expect( valueOf( 'iat' ) ).toBe( formatDate( NOW ) );
		expect( valueOf( 'exp' ) ).toBe( formatDate( NOW + 3600 ) );
		expect( valueOf( 'exp' ) ).not.toBe( String( NOW + 3600 ) );
		expect( valueOf( 'nbf' ) ).toBe( '(not set)' );
	} );

	it( 'joins an audience array', () => {
		const [ aud ] = claimRows(
			{ alg: 'ES256' },
			{
				aud: [ 'a', 'b' ],
			}
		).filter( ( row ) => row.name === 'aud' );
		expect( aud?.value ).toBe( 'a, b' );
	} );
} );
