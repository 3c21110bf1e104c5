import { render, screen, within } from '@testing-library/react';

import { lazyPanel } from '../../../src/shared/lazyPanel';

function Greeting( { name }: { name: string } ) {
	return <p>Hello { name }</p>;
}

describe( 'lazyPanel', () => {
	it( 'shows a spinner while the chunk loads, then the tab with its props', async () => {
		let resolve: ( component: typeof Greeting ) => void = () => {};
		const Panel = lazyPanel(
			() =>
				new Promise< typeof Greeting >( ( done ) => {
					resolve = done;
				} )
		);
		const { container } = render( <Panel name="Ada" /> );
		expect(
			container.querySelector( '.components-spinner' )
		).toBeInTheDocument();

		resolve( Greeting );
		expect( await screen.findByText( 'Hello Ada' ) ).toBeInTheDocument();
	} );

	it( 'says in the tab that it could not be loaded when the chunk fails, and the page stays up', async () => {
		const Panel = lazyPanel< { name: string } >( () =>
			Promise.reject(
				new Error( 'ChunkLoadError: Loading chunk 7 failed.' )
			)
		);
		const { container } = render(
			<>
				<h1>Causerie</h1>
				<Panel name="Ada" />
			</>
		);

		// Within the page: the Notice also speaks it in core's live region.
		expect(
			await within( container ).findByText(
				'This tab could not be loaded. Reload the page to try again.'
			)
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', { name: 'Causerie' } )
		).toBeInTheDocument();
	} );
} );
