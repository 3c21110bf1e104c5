import { act, renderHook, waitFor } from '@testing-library/react';

import { useCredentialSettings } from '../../../../src/connection/hooks/useCredentialSettings';
import { requests, routeApiFetch, SETTINGS } from '../../screen/fixtures';

jest.mock( '@wordpress/api-fetch' );

const REFUSED = {
	code: 'rest_forbidden',
	message: 'Sorry, you are not allowed.',
};

describe( 'useCredentialSettings, one profile’s credentials', () => {
	it( 'without preloaded settings, is busy from the first render and reads the site’s own profile', async () => {
		routeApiFetch( { 'GET /causerie/v1/settings': SETTINGS } );
		const { result } = renderHook( () => useCredentialSettings() );

		expect( result.current ).toMatchObject( { data: null, isBusy: true } );
		await waitFor( () =>
			expect( result.current.data ).toEqual( SETTINGS )
		);
		expect( result.current.isBusy ).toBe( false );
	} );

	it( 'paints the preloaded settings without a request, and keeps them beside the error of a refused profile', async () => {
		routeApiFetch( {
			'GET /causerie/v1/settings?environment=staging': () =>
				Promise.reject( REFUSED ),
		} );
		const { result } = renderHook( () =>
			useCredentialSettings( SETTINGS )
		);
		expect( result.current ).toMatchObject( {
			data: SETTINGS,
			isBusy: false,
		} );
		expect( requests() ).toEqual( [] );

		act( () => result.current.select( 'staging' ) );
		expect( result.current ).toMatchObject( {
			environment: 'staging',
			isBusy: true,
		} );
		await waitFor( () =>
			expect( result.current.error ).toEqual( REFUSED )
		);
		expect( result.current ).toMatchObject( {
			data: SETTINGS,
			isBusy: false,
		} );
	} );
} );
