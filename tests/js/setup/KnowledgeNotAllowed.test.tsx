import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { DoneStep } from '../../../src/setup/DoneStep';
import { FirstRun } from '../../../src/setup/FirstRun';
import { requests, routeApiFetch } from '../screen/fixtures';
import { connectWidgetOnly, FRESH } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const API = 'https://api.causerie.example';

// Real timers: React's updates after the save are not flushed while fake ones run the whole first run.
describe( 'The first run with credentials Causerie allows only the widget', () => {
	it( 'sends no content, and says why on the content step and at the end', async () => {
		routeApiFetch( {
			'POST /causerie/v1/setup/discovery': {
				apiUrl: API,
				documentation: null,
			},
			'POST /causerie/v1/settings': {
				...FRESH,
				clientId: 'wp-widget-only',
				hasSecret: true,
				scopes: [ 'read:widget' ],
			},
		} );
		const user = userEvent.setup();
		render(
			<FirstRun
				settings={ FRESH }
				onSettingsSaved={ jest.fn() }
				onLeave={ jest.fn() }
			/>
		);
		await user.type(
			screen.getByRole( 'textbox', { name: 'API address' } ),
			API
		);
		// Found once the address rests a moment: the step then says where the credentials usually are.
		await screen.findByText(
			/You find your Client ID and secret/,
			{},
			{ timeout: 5000 }
		);
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		await connectWidgetOnly( user );

		expect(
			await screen.findByRole( 'heading', {
				name: 'Choose what the chatbot learns from',
			} )
		).toHaveFocus();
		expect(
			screen.getByText(
				'Causerie doesn’t allow these credentials to update the chatbot’s knowledge, so no content from your site is sent to it.'
			)
		).toBeVisible();
		expect( screen.queryByRole( 'button', { name: /^Send / } ) ).toBeNull();
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		expect(
			screen.getByRole( 'heading', {
				name: 'Turn the chatbot on',
				level: 3,
			} )
		).toHaveFocus();
		expect( requests() ).not.toContain( 'GET /causerie/v1/sync' );
		expect( requests() ).not.toContain( 'PUT /causerie/v1/sync/types' );
	} );

	it( 'says at the end that no content was sent, and why', () => {
		render(
			<DoneStep
				sent={ 0 }
				knowledgeAllowed={ false }
				homeUrl="/"
				onOverview={ jest.fn() }
			/>
		);

		expect(
			screen.getByText(
				'No content was sent: Causerie doesn’t allow these credentials to update the chatbot’s knowledge.'
			)
		).toBeVisible();
		expect(
			screen.queryByText( /on its way|Choose some on the Knowledge tab/ )
		).toBeNull();
	} );
} );
