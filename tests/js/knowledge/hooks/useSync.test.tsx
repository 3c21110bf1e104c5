import { act, renderHook, waitFor } from '@testing-library/react';

import { useSync } from '../../../../src/knowledge/hooks/useSync';
import { routeApiFetch } from '../../screen/fixtures';
import { SYNC as IDLE } from '../../overview/fixtures';

jest.mock( '@wordpress/api-fetch' );

describe( 'useSync, the knowledge sync’s status and actions', () => {
	it( 'reads the status once mounted', async () => {
		routeApiFetch( { 'GET /causerie/v1/sync': IDLE } );
		const { result } = renderHook( () => useSync() );

		await waitFor( () => expect( result.current.status ).toEqual( IDLE ) );
		expect( result.current ).toMatchObject( {
			isBusy: false,
			error: null,
		} );
	} );

	it( 'says why an action failed and keeps the status it had', async () => {
		routeApiFetch( {
			'GET /causerie/v1/sync': IDLE,
			'POST /causerie/v1/sync/reconcile': () =>
				Promise.reject( {
					code: 'causerie_sync_paused',
					message: 'The sync is paused.',
				} ),
		} );
		const { result } = renderHook( () => useSync() );
		await waitFor( () => expect( result.current.status ).toEqual( IDLE ) );

		await act( () => result.current.act( 'reconcile' ) );
		expect( result.current ).toMatchObject( {
			status: IDLE,
			isBusy: false,
			error: 'The sync is paused.',
		} );
	} );
} );
