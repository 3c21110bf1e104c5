/**
 * Where the plugin found the sign-in service of the API, in one sentence for the credentials form.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { AuthorizationServer } from '../../shared/types';

export function serverNote( server: AuthorizationServer ): string {
	switch ( server.source ) {
		case 'metadata':
			return sprintf(
				/* translators: %s: the address of the sign-in service (OAuth issuer), such as https://auth.example */
				__(
					'Sign-in service: %s (published by the server).',
					'causerie-connector'
				),
				server.issuer
			);
		case 'openid':
			return sprintf(
				/* translators: %s: the address of the sign-in service (OAuth issuer), such as https://auth.example */
				__(
					'Sign-in service: %s (found by OpenID Connect discovery).',
					'causerie-connector'
				),
				server.issuer
			);
		case 'settings':
			return sprintf(
				/* translators: %s: the address of the sign-in service (OAuth issuer), such as https://auth.example */
				__(
					'Sign-in service: %s (set under Advanced).',
					'causerie-connector'
				),
				server.issuer
			);
		case 'defaults':
			return sprintf(
				/* translators: %s: the address of the sign-in service (OAuth issuer), such as https://auth.example */
				__(
					'Sign-in service: %s (Causerie’s default paths).',
					'causerie-connector'
				),
				server.issuer
			);
	}
}
