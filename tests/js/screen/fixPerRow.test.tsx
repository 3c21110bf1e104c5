import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { App } from '../../../src/App';
import { DIAGNOSIS_CODES, severityOf } from '../../../src/shared/codes';
import type { ChecksRun, DiagnosisTexts } from '../../../src/shared/types';
import {
	diagnosis,
	routeApiFetch,
	run,
	SETTINGS,
	SITE,
	status,
	troubleshootingPanel,
} from './fixtures';

jest.mock( '@wordpress/api-fetch' );

/** GET /diagnoses, with one recognisable title per code. */
const TEXTS: DiagnosisTexts = Object.fromEntries(
	DIAGNOSIS_CODES.map( ( code ) => [
		code,
		{
			severity: severityOf( code ),
			title: `Title of ${ code }.`,
			explanation: `Why ${ code } happens.`,
			steps: [ `Fix ${ code }.` ],
		},
	] )
);

// Credentials of another environment, and a clock that is off: two rows to fix, the environment first.
const STACKED: ChecksRun = run( {
	environment: {
		status: 'error',
		code: 'environment_mismatch',
		message: 'Title of environment_mismatch.',
		evidence: {
			tokenEnvironment: 'development',
			siteEnvironment: 'production',
		},
	},
	clock: {
		status: 'warning',
		code: 'clock_skew',
		message: 'Title of clock_skew.',
		evidence: { skewSeconds: 600 },
	},
} );

async function renderStacked( texts: DiagnosisTexts | null ) {
	routeApiFetch( {} );
	// The health rows are on Troubleshooting.
	window.location.hash = '#troubleshooting';
	render(
		<App
			initial={ {
				site: SITE,
				status: status(
					diagnosis(
						'environment_mismatch',
						'Credentials of another environment.'
					)
				),
				checks: STACKED,
				settings: SETTINGS,
				texts,
			} }
			checkOnLoad={ false }
		/>
	);
	window.location.hash = '';
	await troubleshootingPanel();
	// The wizard opened by itself on the status' diagnosis; leave it to use the rows.
	await userEvent.click(
		within( screen.getByRole( 'dialog' ) ).getByRole( 'button', {
			name: 'Cancel',
		} )
	);
}

const wizard = () =>
	screen.getByRole( 'dialog', { name: 'Fix the connection' } );

async function next() {
	await userEvent.click(
		within( wizard() ).getByRole( 'button', { name: 'Next: fix it' } )
	);
}

describe( 'Fix on a health row', () => {
	it( 'opens the wizard on that row’s own cause, in the server’s words', async () => {
		await renderStacked( TEXTS );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Fix: Clock in sync' } )
		);

		expect( wizard() ).toHaveTextContent( 'Title of clock_skew.' );
		expect( wizard() ).toHaveTextContent( 'Why clock_skew happens.' );
		expect( wizard() ).not.toHaveTextContent(
			'Credentials of another environment.'
		);
		await next();
		expect( wizard() ).toHaveTextContent(
			'This server’s clock and Causerie’s differ by 10 min.'
		);
		expect(
			within( wizard() ).getByRole( 'button', { name: 'Check again' } )
		).toBeInTheDocument();
		expect(
			within( wizard() ).queryByRole( 'textbox', { name: 'Client ID' } )
		).not.toBeInTheDocument();
	} );

	it( 'offers the environment fix, never a new token, when the environment is wrong', async () => {
		await renderStacked( TEXTS );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Fix: Environment matches' } )
		);

		expect( wizard() ).toHaveTextContent(
			'Credentials of another environment.'
		);
		await next();
		expect(
			within( wizard() ).getByRole( 'textbox', { name: 'Client ID' } )
		).toBeInTheDocument();
		expect(
			within( wizard() ).queryByRole( 'button', {
				name: /Get a new token/,
			} )
		).not.toBeInTheDocument();
	} );

	it( 'falls back on the check’s title when the texts could not be loaded', async () => {
		await renderStacked( null );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Fix: Clock in sync' } )
		);

		expect( wizard() ).toHaveTextContent( 'Title of clock_skew.' );
		await next();
		expect(
			within( wizard() ).getByRole( 'button', { name: 'Check again' } )
		).toBeInTheDocument();
	} );

	it( 'still opens the header’s Fix it on the cause to fix first', async () => {
		await renderStacked( TEXTS );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Fix it' } )
		);

		expect( wizard() ).toHaveTextContent(
			'Credentials of another environment.'
		);
	} );
} );
