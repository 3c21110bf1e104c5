import { render, screen } from '@testing-library/react';

import { FixStep } from '../../../src/connection/wizard/FixStep';
import type { Diagnosis } from '../../../src/shared/types';

jest.mock( '@wordpress/api-fetch' );

const INVALID_CLIENT: Diagnosis = {
	code: 'invalid_client',
	severity: 'error',
	title: 'Causerie does not accept this client id and secret.',
	explanation: 'The secret was probably regenerated.',
	steps: [
		'Paste the new secret in the Credentials section of Settings → Causerie and save.',
	],
	wizardSteps: [ 'Paste the new secret in the field below and save.' ],
};

describe( 'The fix step’s words', () => {
	it( 'says "below" where its own secret field sits right below the steps', () => {
		render(
			<FixStep
				kind="secret"
				diagnosis={ INVALID_CLIENT }
				evidence={ {} }
				settings={ null }
				environmentType="production"
				onFixed={ jest.fn() }
			/>
		);

		expect( screen.getByRole( 'listitem' ) ).toHaveTextContent(
			'Paste the new secret in the field below and save.'
		);
		expect(
			screen.queryByText( /in the Credentials section/ )
		).not.toBeInTheDocument();
	} );
} );
