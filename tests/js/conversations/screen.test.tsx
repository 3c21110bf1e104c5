import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { routeApiFetch } from '../screen/fixtures';
import { renderApp } from '../screen/renderApp';
import { MISSING_SCOPE } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

describe( 'Settings → Causerie → Conversations', () => {
	afterEach( () => {
		window.location.hash = '';
	} );

	it( 'opens from #conversations, the tab after Knowledge, and its missing-permission link opens the repair wizard on it', async () => {
		const user = userEvent.setup();
		routeApiFetch( {
			'GET /causerie/v1/conversations': () =>
				Promise.reject( MISSING_SCOPE ),
		} );
		window.location.hash = '#conversations';

		renderApp();
		await act( async () => undefined );

		const tabs = screen
			.getAllByRole( 'tab' )
			.map( ( tab ) => tab.textContent );
		// After Knowledge, among the settings, and with no second row of tabs inside it.
		expect( tabs ).toEqual( [
			'Overview',
			'Credentials',
			'Chatbot',
			'Knowledge',
			'Conversations',
			'Alerts',
			'Troubleshooting',
		] );
		expect(
			screen.getByRole( 'tab', { name: 'Conversations', selected: true } )
		).toBeInTheDocument();

		await user.click(
			await screen.findByRole( 'link', { name: 'Fix the permission' } )
		);

		const wizard = await screen.findByRole( 'dialog', {
			name: 'Fix the connection',
		} );
		expect(
			within( wizard ).getByText( 'insufficient_scope', { exact: false } )
		).toBeInTheDocument();
	} );
} );
