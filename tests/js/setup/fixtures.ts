import { screen } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';

import type { Settings } from '../../../src/shared/types';

/** A site's profile before anything was saved. */
export const FRESH: Settings = {
	environment: 'production',
	activeEnvironment: 'production',
	clientId: '',
	hasSecret: false,
	secretHint: '',
	secretStatus: 'missing',
	apiUrl: '',
	issuer: '',
	tokenEndpoint: '',
	scopes: [ 'read:widget', 'write:knowledge' ],
	locked: {},
};

/**
 * Types the widget-only client's ID and a secret on the credentials step, and presses Connect.
 *
 * @param user The user driving the page.
 */
export async function connectWidgetOnly(
	user: ReturnType< typeof userEvent.setup >
): Promise< void > {
	await user.type(
		screen.getByRole( 'textbox', { name: 'Client ID' } ),
		'wp-widget-only'
	);
	await user.type(
		screen.getByLabelText( 'Client secret' ),
		'the-right-secret-1'
	);
	await user.click( screen.getByRole( 'button', { name: 'Connect' } ) );
}
