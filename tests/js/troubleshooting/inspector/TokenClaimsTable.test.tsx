import { act, render, screen, within } from '@testing-library/react';

import { TokenClaimsTable } from '../../../../src/troubleshooting/TokenClaimsTable';
import { formatDate } from '../../../../src/troubleshooting/inspector/claims';
import { AUDIENCE, ISSUER, NOW, accessClaims } from './tokens';

function row( name: RegExp ): string[] {
	const header = screen.getByRole( 'rowheader', { name } );
	return within( header.parentElement as HTMLElement )
		.getAllByRole( 'cell' )
		.map( ( cell ) => cell.textContent ?? '' );
}

describe( 'TokenClaimsTable', () => {
	beforeEach( () => {
		jest.useFakeTimers( { now: NOW * 1000 } );
	} );

	afterEach( () => {
		jest.useRealTimers();
	} );

	const decoded = {
		token: 'h.p.s',
		header: { alg: 'RS256', kid: 'k1', typ: 'JWT' },
		claims: accessClaims( { lifetime: 65 } ),
	};
	const expected = {
		issuer: ISSUER,
		audience: AUDIENCE,
		environment: 'production',
		scopes: [ 'read:widget', 'write:knowledge' ],
	};

	it( 'puts each value beside what the site expects', () => {
		render(
			<TokenClaimsTable decoded={ decoded } expected={ expected } />
		);

		expect(
			screen.getByRole( 'table', { name: 'Header and claims' } )
		).toBeInTheDocument();
		expect( row( /Token type/ ) ).toEqual( [ 'JWT', 'at+jwt' ] );
		expect( row( /Issuer/ ) ).toEqual( [ ISSUER, ISSUER ] );
		expect( row( /Environment/ ) ).toEqual( [
			'development',
			'production',
		] );
		expect( row( /Scopes/ ) ).toEqual( [
			'read:conversations write:knowledge read:widget',
			'read:widget write:knowledge',
		] );
		expect( row( /Expires at/ ) ).toEqual( [ formatDate( NOW + 65 ), '' ] );
	} );

	it( 'counts down every second, past expiry', () => {
		render(
			<TokenClaimsTable decoded={ decoded } expected={ expected } />
		);
		expect( row( /Time left/ )[ 0 ] ).toBe( '1 min 5 s left' );

		act( () => {
			jest.advanceTimersByTime( 5000 );
		} );
		expect( row( /Time left/ )[ 0 ] ).toBe( '1 min left' );

		act( () => {
			jest.advanceTimersByTime( 70_000 );
		} );
		expect( row( /Time left/ )[ 0 ] ).toBe( 'expired 10 s ago' );
	} );

	it( 'has no countdown for a token without exp', () => {
		render(
			<TokenClaimsTable
				decoded={ {
					token: 'h.p.s',
					header: { alg: 'RS256' },
					claims: { iss: ISSUER },
				} }
				expected={ null }
			/>
		);

		expect(
			screen.queryByRole( 'rowheader', { name: /Time left/ } )
		).not.toBeInTheDocument();
		expect( row( /Expires at/ ) ).toEqual( [ '(not set)', '' ] );
		expect( row( /Token type/ ) ).toEqual( [ '(not set)', 'at+jwt' ] );
	} );
} );
