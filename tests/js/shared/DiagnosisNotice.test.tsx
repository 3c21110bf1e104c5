import { render, screen, within } from '@testing-library/react';

import { DiagnosisNotice } from '../../../src/shared/DiagnosisNotice';
import type { DiagnosisText } from '../../../src/shared/types';

const REVOKED: DiagnosisText = {
	severity: 'error',
	title: 'Causerie no longer accepts this site',
	explanation: 'The client was deleted in the dashboard.',
	steps: [ 'Create a client.', 'Paste its ID and secret here.' ],
};

function notice(): HTMLElement {
	return screen
		.getByRole( 'heading', { name: REVOKED.title } )
		.closest( '.components-notice' ) as HTMLElement;
}

describe( 'DiagnosisNotice, the one notice every feature shows a diagnosis with', () => {
	it( 'gives the title as a heading, then the lead, the explanation, the steps in order and the code', () => {
		render(
			<DiagnosisNotice
				code="token_revoked"
				text={ REVOKED }
				lead="Nothing was saved."
			/>
		);

		const paragraphs = within( notice() )
			.getAllByText( /./, { selector: 'p' } )
			.map( ( p ) => p.textContent );
		expect( paragraphs ).toEqual( [
			'Nothing was saved.',
			REVOKED.explanation,
			'Diagnosis code: token_revoked',
		] );
		expect(
			within( notice() )
				.getAllByRole( 'listitem' )
				.map( ( item ) => item.textContent )
		).toEqual( REVOKED.steps );
	} );

	it.each( [
		[ 'speaks in the live region by default', false, true ],
		[
			'stays silent when its form announces the result itself',
			true,
			false,
		],
	] )( '%s', ( _name, silent, spoken ) => {
		// Core's live regions outlive each render: empty them, so only this notice can fill them.
		document
			.querySelectorAll( '[aria-live]' )
			.forEach( ( region ) => ( region.textContent = '' ) );

		render(
			<DiagnosisNotice
				code="token_revoked"
				text={ REVOKED }
				silent={ silent }
			/>
		);

		const regions = Array.from(
			document.querySelectorAll( '[aria-live]' ),
			( region ) => region.textContent ?? ''
		).join( ' ' );
		expect( regions.includes( REVOKED.title ) ).toBe( spoken );
	} );

	it( 'without the server texts still says something is wrong, and names the code for support', () => {
		render( <DiagnosisNotice code="clock_skew" text={ null } /> );

		expect(
			screen.getByRole( 'heading', {
				name: 'The token did not pass a check.',
			} )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'Diagnosis code: clock_skew' )
		).toBeInTheDocument();
	} );
} );
