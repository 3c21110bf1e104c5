import apiFetch from '@wordpress/api-fetch';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { REPORT_PATH } from '../../../src/shared/api/troubleshooting';
import { SupportReport } from '../../../src/troubleshooting/SupportReport';
import type { SupportReportResponse } from '../../../src/shared/types';

jest.mock( '@wordpress/api-fetch' );
const mockedApiFetch = apiFetch as jest.MockedFunction< typeof apiFetch >;

const TEXT =
	'Causerie Connector support report\nGenerated at: 2026-11-26T10:20:30+00:00\n\n## Status\nState: connected\n';

const REPORT: SupportReportResponse = {
	generatedAt: '2026-11-26T10:20:30+00:00',
	text: TEXT,
	report: {
		site: {
			pluginVersion: '0.1.0',
			wordpressVersion: '7.1.4',
			phpVersion: '8.2.36',
			multisite: false,
			environmentType: 'production',
			siteUrl: 'https://Shop.Example:8443/fr',
			wpCronDisabled: false,
			persistentObjectCache: false,
		},
		status: { state: 'connected', diagnosis: null, checkedAt: null },
		settings: {
			activeProfile: 'production',
			apiUrl: 'https://api.causerie.example',
			clientId: 'wp-production',
			clientCredential: 'set',
			requestedScopes: [ 'read:widget' ],
			lockedFields: [],
		},
		accessGrant: { held: false },
		liveChecks: { checkedAt: null, checks: [] },
		binding: {
			siteUrl: 'https://Shop.Example:8443/fr',
			moved: false,
			paused: false,
		},
		events: [],
	},
};

async function createReport( user: ReturnType< typeof userEvent.setup > ) {
	mockedApiFetch.mockResolvedValue( REPORT );
	render( <SupportReport /> );
	await user.click(
		screen.getByRole( 'button', { name: 'Create the report' } )
	);
	return screen.findByRole( 'textbox', { name: 'Report preview' } );
}

function readBlob( blob: Blob ): Promise< string > {
	return new Promise( ( resolve, reject ) => {
		const reader = new FileReader();
		reader.onload = () => resolve( String( reader.result ) );
		reader.onerror = () => reject( reader.error );
		reader.readAsText( blob );
	} );
}

describe( 'SupportReport', () => {
	afterEach( () => {
		mockedApiFetch.mockReset();
		jest.restoreAllMocks();
		Reflect.deleteProperty( document, 'execCommand' );
	} );

	it( 'makes the report only when asked, and previews it read-only', async () => {
		const user = userEvent.setup();
		mockedApiFetch.mockResolvedValue( REPORT );
		render( <SupportReport /> );
		expect( mockedApiFetch ).not.toHaveBeenCalled();
		expect(
			screen.queryByRole( 'button', { name: 'Copy' } )
		).not.toBeInTheDocument();

		await user.click(
			screen.getByRole( 'button', { name: 'Create the report' } )
		);

		const preview = await screen.findByRole( 'textbox', {
			name: 'Report preview',
		} );
		expect( mockedApiFetch ).toHaveBeenCalledWith( { path: REPORT_PATH } );
		expect( preview ).toHaveValue( TEXT );
		expect( preview ).toHaveAttribute( 'readonly' );
		expect(
			screen.getByRole( 'button', { name: 'Create it again' } )
		).toBeInTheDocument();
	} );

	it( 'copies the report text to the clipboard and says so', async () => {
		const user = userEvent.setup();
		await createReport( user );

		await user.click( screen.getByRole( 'button', { name: 'Copy' } ) );

		await expect( navigator.clipboard.readText() ).resolves.toBe( TEXT );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Report copied to the clipboard.'
		);
	} );

	it( 'falls back to the copy command when the Clipboard API refuses, and keeps the focus', async () => {
		const user = userEvent.setup();
		await createReport( user );
		jest.spyOn( navigator.clipboard, 'writeText' ).mockRejectedValue(
			new DOMException( 'Denied', 'NotAllowedError' )
		);
		let selected = '';
		// What the legacy command copies: the selection in the focused field.
		const execCommand = jest.fn( ( command: string ) => {
			const field = screen
				.getAllByRole( 'textbox' )
				.find(
					( element ) =>
						element.ownerDocument.activeElement === element
				);
			if ( field instanceof HTMLTextAreaElement ) {
				selected = field.value.slice(
					field.selectionStart,
					field.selectionEnd
				);
			}
			return command === 'copy';
		} );
		Object.defineProperty( document, 'execCommand', {
			value: execCommand,
			configurable: true,
		} );
		const copy = screen.getByRole( 'button', { name: 'Copy' } );

		await user.click( copy );

		expect( execCommand ).toHaveBeenCalledWith( 'copy' );
		expect( selected ).toBe( TEXT );
		expect( copy ).toHaveFocus();
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Report copied to the clipboard.'
		);
	} );

	it( 'tells the admin to copy by hand when no way of copying works', async () => {
		const user = userEvent.setup();
		await createReport( user );
		jest.spyOn( navigator.clipboard, 'writeText' ).mockRejectedValue(
			new DOMException( 'Denied', 'NotAllowedError' )
		);
		Object.defineProperty( document, 'execCommand', {
			value: () => false,
			configurable: true,
		} );

		await user.click( screen.getByRole( 'button', { name: 'Copy' } ) );

		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'The report could not be copied. Select the text in the preview and copy it yourself.'
		);
	} );

	it( 'downloads the report text as a file named after the site and the date', async () => {
		const user = userEvent.setup();
		await createReport( user );
		const createObjectURL = jest.fn( ( blob: Blob ) => {
			expect( blob ).toBeInstanceOf( Blob );
			return 'blob:causerie-report';
		} );
		const revokeObjectURL = jest.fn();
		Object.assign( URL, { createObjectURL, revokeObjectURL } );
		const clicked: Array< { href: string; download: string } > = [];
		jest.spyOn( HTMLAnchorElement.prototype, 'click' ).mockImplementation(
			function ( this: HTMLAnchorElement ) {
				clicked.push( { href: this.href, download: this.download } );
			}
		);

		await user.click( screen.getByRole( 'button', { name: 'Download' } ) );

		expect( clicked ).toEqual( [
			{
				href: 'blob:causerie-report',
				download: 'causerie-report-shop.example-8443-2026-11-26.txt',
			},
		] );
		const blob = createObjectURL.mock.calls[ 0 ]?.[ 0 ];
		expect( blob?.type ).toBe( 'text/plain;charset=utf-8' );
		await expect( readBlob( blob as Blob ) ).resolves.toBe( TEXT );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Report downloaded as causerie-report-shop.example-8443-2026-11-26.txt.'
		);
	} );

	it( 'shows the error and makes the report when the admin tries again', async () => {
		const user = userEvent.setup();
		mockedApiFetch
			.mockRejectedValueOnce( {
				code: 'rest_forbidden',
				message:
					'Sorry, you are not allowed to manage the Causerie connection.',
				data: { status: 403 },
			} )
			.mockResolvedValueOnce( REPORT );
		render( <SupportReport /> );
		await user.click(
			screen.getByRole( 'button', { name: 'Create the report' } )
		);

		const retry = await screen.findByRole( 'button', {
			name: 'Try again',
		} );
		expect( retry.closest( '.components-notice' ) ).toHaveTextContent(
			'Sorry, you are not allowed to manage the Causerie connection.'
		);
		await user.click( retry );

		expect(
			await screen.findByRole( 'textbox', { name: 'Report preview' } )
		).toHaveValue( TEXT );
		expect(
			screen.queryByRole( 'button', { name: 'Try again' } )
		).not.toBeInTheDocument();
	} );
} );
