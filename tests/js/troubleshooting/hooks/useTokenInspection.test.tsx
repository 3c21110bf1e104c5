import { act, renderHook, waitFor } from '@testing-library/react';

import { useTokenInspection } from '../../../../src/troubleshooting/hooks/useTokenInspection';
import { routeApiFetch } from '../../screen/fixtures';

jest.mock( '@wordpress/api-fetch' );

describe( 'useTokenInspection, the inspector’s request state', () => {
	it( 'is busy while it asks for the token, then shows the refusal with no result', async () => {
		const refused = {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed.',
		};
		routeApiFetch( {
			'GET /causerie/v1/token?reveal=true': () =>
				Promise.reject( refused ),
		} );
		const { result } = renderHook( () => useTokenInspection() );
		expect( result.current ).toMatchObject( {
			data: null,
			isBusy: false,
			error: null,
		} );

		act( () => result.current.inspectCurrent() );
		expect( result.current.isBusy ).toBe( true );
		await waitFor( () =>
			expect( result.current.error ).toEqual( refused )
		);
		expect( result.current ).toMatchObject( { data: null, isBusy: false } );
	} );

	it( 'judges a pasted text that is not a token without asking the server', async () => {
		const fetched = routeApiFetch( {} );
		const { result } = renderHook( () => useTokenInspection() );

		act( () => result.current.inspectPasted( 'not a token' ) );
		await waitFor( () => expect( result.current.data ).not.toBeNull() );
		expect( result.current ).toMatchObject( {
			isBusy: false,
			error: null,
		} );
		expect( fetched ).not.toHaveBeenCalled();
	} );
} );
