import { act, renderHook, waitFor } from '@testing-library/react';

import {
	usePages,
	type Page,
} from '../../../../src/conversations/hooks/usePages';

const REFUSED = {
	code: 'causerie_api_unavailable',
	message: 'Causerie did not answer.',
};

describe( 'usePages, a listing read page by page', () => {
	it( 'is busy until the first page, keeps the items shown when the next fails, and reading more tries it again', async () => {
		const pages: Record< string, Page< string > > = {
			first: { items: [ 'a', 'b' ], next: 'c2' },
			c2: { items: [ 'c' ], next: null },
		};
		let failNext = true;
		const load = jest.fn( ( cursor: string | null ) => {
			if ( cursor === 'c2' && failNext ) {
				failNext = false;
				return Promise.reject( REFUSED );
			}
			return Promise.resolve(
				pages[ cursor ?? 'first' ] as Page< string >
			);
		} );
		const { result } = renderHook( () => usePages( load ) );

		expect( result.current ).toMatchObject( { items: null, isBusy: true } );
		await waitFor( () =>
			expect( result.current.items ).toEqual( [ 'a', 'b' ] )
		);
		expect( result.current ).toMatchObject( {
			isBusy: false,
			hasMore: true,
		} );

		await act( async () => result.current.loadMore() );
		await waitFor( () =>
			expect( result.current.error ).toEqual( REFUSED )
		);
		expect( result.current ).toMatchObject( {
			items: [ 'a', 'b' ],
			isBusy: false,
			hasMore: true,
		} );

		await act( async () => result.current.loadMore() );
		await waitFor( () =>
			expect( result.current.items ).toEqual( [ 'a', 'b', 'c' ] )
		);
		expect( result.current ).toMatchObject( {
			error: null,
			hasMore: false,
			isBusy: false,
		} );
	} );
} );
