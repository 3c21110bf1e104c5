/**
 * Where a field's value comes from on a multisite network, when this site does not set it itself.
 */
import { __ } from '@wordpress/i18n';

import type { CredentialField, Settings } from '../../shared/types';

/**
 * A note for a field whose value comes from the network's settings, or undefined.
 *
 * @param settings The profile as stored.
 * @param field    The field.
 */
export function inheritedNote(
	settings: Pick< Settings, 'inherited' >,
	field: CredentialField
): string | undefined {
	if ( settings.inherited?.[ field ] !== 'network' ) {
		return undefined;
	}
	if (
		field === 'scopes' &&
		settings.inherited?.clientSecret === 'network'
	) {
		return __(
			'From the network’s settings: a site that uses the network’s client secret uses its permissions too.',
			'causerie-connector'
		);
	}
	return __(
		'From the network’s settings. A value saved here applies to this site only.',
		'causerie-connector'
	);
}
