import { act, renderHook } from '@testing-library/react';

import { useConnection } from '../../../../src/connection/hooks/useConnection';
import {
	diagnosis,
	HEALTHY,
	routeApiFetch,
	run,
	status,
} from '../../screen/fixtures';

jest.mock( '@wordpress/api-fetch' );

const REFUSED = {
	code: 'rest_forbidden',
	message: 'Sorry, you are not allowed.',
};
const BROKEN = status( diagnosis( 'token_revoked', 'The token was revoked' ) );

describe( 'useConnection, the status and the live checks', () => {
	it( 'paints from the preloaded answers, is busy while the checks run, then takes the status they left', async () => {
		let answer: ( value: unknown ) => void = () => undefined;
		routeApiFetch( {
			'POST /causerie/v1/checks': () =>
				new Promise( ( resolve ) => {
					answer = resolve;
				} ),
			'GET /causerie/v1/status': BROKEN,
		} );
		const { result } = renderHook( () => useConnection( HEALTHY, null ) );
		expect( result.current ).toMatchObject( {
			status: HEALTHY,
			checks: null,
			isChecking: false,
		} );

		let checked: Promise< unknown > = Promise.resolve();
		act( () => {
			checked = result.current.runChecks();
		} );
		expect( result.current.isChecking ).toBe( true );
		expect( result.current.status ).toBe( HEALTHY );

		await act( async () => {
			answer( run() );
			await expect( checked ).resolves.toEqual( BROKEN );
		} );
		expect( result.current ).toMatchObject( {
			status: BROKEN,
			checks: run(),
			isChecking: false,
			checkError: null,
		} );
	} );

	it( 'keeps the previous results beside the error when the checks fail, and resolves null', async () => {
		routeApiFetch( {
			'POST /causerie/v1/checks': () => Promise.reject( REFUSED ),
		} );
		const { result } = renderHook( () => useConnection( HEALTHY, run() ) );

		await act( async () => {
			await expect( result.current.runChecks() ).resolves.toBeNull();
		} );
		expect( result.current ).toMatchObject( {
			status: HEALTHY,
			checks: run(),
			isChecking: false,
			checkError: REFUSED,
		} );
	} );
} );
