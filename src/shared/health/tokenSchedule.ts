import { __ } from '@wordpress/i18n';

import { catalogEntry } from '../codes';
import type { ConnectionStatus } from '../types';

/** A line of the token's schedule: a moment to show as "in 48 minutes", or words the diagnosis dictates. */
export type ScheduleLine =
	{ moment: string | null; text?: never } | { text: string; moment?: never };

export interface TokenSchedule {
	expires: ScheduleLine;
	refresh: ScheduleLine;
}

/**
 * When the token expires and is renewed, unless the diagnosis says otherwise: a token the diagnosis found
 * unusable is told as the diagnosis tells it ("Token expires: The access token has expired"), never "in 59
 * minutes"; and while the sign-in service refuses to renew, no renewal is promised.
 *
 * @param status The connection status, with its diagnosis.
 */
export function tokenSchedule( status: ConnectionStatus ): TokenSchedule {
	const schedule: TokenSchedule = {
		expires: { moment: status.tokenExpiresAt },
		refresh: { moment: status.nextRefreshAt },
	};
	const { diagnosis } = status;
	if ( ! diagnosis ) {
		return schedule;
	}
	const { fix, source } = catalogEntry( diagnosis.code );
	if ( fix === 'renew' || source === 'token' ) {
		return {
			expires: { text: diagnosis.title },
			refresh: {
				text: __(
					'A new token will be requested when you fix this.',
					'causerie-connector'
				),
			},
		};
	}
	if ( source === 'token_endpoint' ) {
		return {
			...schedule,
			refresh: {
				text: __(
					'Renewal fails until this is fixed.',
					'causerie-connector'
				),
			},
		};
	}
	return schedule;
}
