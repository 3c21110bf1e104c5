import { act, renderHook, waitFor } from '@testing-library/react';

import { useRequest } from '../../../src/shared/hooks/useRequest';

/** A request whose answer the test gives when it wants, to order answers as it likes. */
function deferred< T >() {
	let resolve: ( value: T ) => void = () => undefined;
	let reject: ( reason: unknown ) => void = () => undefined;
	const promise = new Promise< T >( ( yes, no ) => {
		resolve = yes;
		reject = no;
	} );
	return { promise, resolve, reject };
}

const REFUSED = {
	code: 'rest_forbidden',
	message: 'Sorry, you are not allowed.',
};

describe( 'useRequest, the one request state every screen shows', () => {
	it( 'sends nothing until asked when it has no arguments to send by itself', async () => {
		const request = jest.fn( () => Promise.resolve( 'report' ) );
		const { result } = renderHook( () => useRequest( request ) );

		expect( request ).not.toHaveBeenCalled();
		expect( result.current ).toMatchObject( {
			data: null,
			isBusy: false,
			error: null,
		} );

		let succeeded = false;
		await act( async () => {
			succeeded = await result.current.run();
		} );
		expect( succeeded ).toBe( true );
		expect( result.current ).toMatchObject( {
			data: 'report',
			isBusy: false,
		} );
	} );

	it( 'with arguments, is busy from the first render and sends them on mount', async () => {
		const request = jest.fn( ( kind: string ) =>
			Promise.resolve( `events of ${ kind }` )
		);
		const { result } = renderHook( () =>
			useRequest( request, { args: [ 'token' ] } )
		);

		expect( result.current.isBusy ).toBe( true );
		await waitFor( () =>
			expect( result.current.data ).toBe( 'events of token' )
		);
		expect( result.current.isBusy ).toBe( false );
		expect( request ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'sends again when the arguments change in value, not when only the array is new', async () => {
		const request = jest.fn( ( kind: string ) => Promise.resolve( kind ) );
		const { result, rerender } = renderHook(
			( { kind } ) => useRequest( request, { args: [ kind ] } ),
			{ initialProps: { kind: 'token' } }
		);
		await waitFor( () => expect( result.current.data ).toBe( 'token' ) );

		rerender( { kind: 'token' } );
		rerender( { kind: 'alert' } );

		await waitFor( () => expect( result.current.data ).toBe( 'alert' ) );
		expect( request.mock.calls ).toEqual( [ [ 'token' ], [ 'alert' ] ] );
	} );

	it( 'keeps the latest call’s answer when an older one arrives after it', async () => {
		const older = deferred< string >();
		const newer = deferred< string >();
		const request = jest
			.fn()
			.mockReturnValueOnce( older.promise )
			.mockReturnValueOnce( newer.promise );
		const { result } = renderHook( () =>
			useRequest< string, [] >( request )
		);

		act( () => {
			void result.current.run();
			void result.current.run();
		} );
		await act( async () => {
			newer.resolve( 'newer' );
			await newer.promise;
		} );
		await act( async () => {
			older.resolve( 'older' );
			await older.promise;
		} );

		expect( result.current ).toMatchObject( {
			data: 'newer',
			isBusy: false,
		} );
	} );

	it( 'stays busy while the latest call is under way, whatever older calls answer', async () => {
		const older = deferred< string >();
		const newer = deferred< string >();
		const request = jest
			.fn()
			.mockReturnValueOnce( older.promise )
			.mockReturnValueOnce( newer.promise );
		const { result } = renderHook( () =>
			useRequest< string, [] >( request )
		);

		act( () => {
			void result.current.run();
			void result.current.run();
		} );
		await act( async () => {
			older.resolve( 'older' );
			await older.promise;
		} );

		expect( result.current ).toMatchObject( { data: null, isBusy: true } );
	} );

	it( 'gives a failure as a REST error, keeps the last answer, and clears the error when the next call starts', async () => {
		const retry = deferred< string >();
		const request = jest
			.fn()
			.mockResolvedValueOnce( 'first' )
			.mockRejectedValueOnce( REFUSED )
			.mockReturnValueOnce( retry.promise );
		const { result } = renderHook( () =>
			useRequest< string, [] >( request )
		);

		await act( async () => {
			await result.current.run();
		} );
		let succeeded = true;
		await act( async () => {
			succeeded = await result.current.run();
		} );

		expect( succeeded ).toBe( false );
		expect( result.current ).toMatchObject( {
			data: 'first',
			error: REFUSED,
			isBusy: false,
		} );

		act( () => {
			void result.current.run();
		} );
		expect( result.current ).toMatchObject( { error: null, isBusy: true } );
	} );

	it( 'turns what is not a REST error into the unexpected-answer error', async () => {
		const request = jest
			.fn()
			.mockRejectedValue( new SyntaxError( 'JSON' ) );
		const { result } = renderHook( () =>
			useRequest< string, [] >( request )
		);

		await act( async () => {
			await result.current.run();
		} );

		expect( result.current.error?.code ).toBe(
			'causerie_unexpected_response'
		);
	} );

	it( 'drops an answer that arrives after unmounting', async () => {
		const answer = deferred< string >();
		const request = jest.fn( () => answer.promise );
		const errors = jest.spyOn( console, 'error' );
		const { result, unmount } = renderHook( () =>
			useRequest( request, { args: [] } )
		);
		const seen = result.current;

		unmount();
		await act( async () => {
			answer.resolve( 'late' );
			await answer.promise;
		} );

		expect( seen.data ).toBeNull();
		expect( result.current.data ).toBeNull();
		expect( errors ).not.toHaveBeenCalled();
		errors.mockRestore();
	} );

	it( 'paints an answer at hand without a request, and takes a replacement without sending one', async () => {
		const request = jest.fn( () => Promise.resolve( 'read' ) );
		const { result } = renderHook( () =>
			useRequest( request, { initial: 'preloaded' } )
		);
		expect( result.current ).toMatchObject( {
			data: 'preloaded',
			isBusy: false,
		} );

		act( () => result.current.replace( 'saved' ) );
		expect( result.current.data ).toBe( 'saved' );
		expect( request ).not.toHaveBeenCalled();
	} );
} );
