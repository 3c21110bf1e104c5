/**
 * Why a field can't be edited here: wp-config.php or the server environment sets it (Overrides.php).
 */
import { __, sprintf } from '@wordpress/i18n';

import type {
	CredentialField,
	EnvironmentType,
	Settings,
} from '../../shared/types';
import { OVERRIDE_SUFFIXES } from './constants';

/**
 * The names that may set a field: the profile's own (CAUSERIE_PRODUCTION_CLIENT_ID) first, then the one
 * for every profile (CAUSERIE_CLIENT_ID). The REST answer says only where the value comes from, not which.
 *
 * @param field       The locked field.
 * @param environment The profile shown.
 */
export function overrideNames(
	field: CredentialField,
	environment: EnvironmentType
): [ string, string ] {
	const suffix = OVERRIDE_SUFFIXES[ field ];
	return [
		`CAUSERIE_${ environment.toUpperCase() }_${ suffix }`,
		`CAUSERIE_${ suffix }`,
	];
}

/**
 * Why a field of a profile is read-only, or undefined when it may be edited.
 *
 * @param settings The profile as stored.
 * @param field    The field.
 */
export function lockReasonIn(
	settings: Pick< Settings, 'locked' | 'environment' >,
	field: CredentialField
): string | undefined {
	const source = settings.locked[ field ];
	return source
		? lockReason( field, source, settings.environment )
		: undefined;
}

export function lockReason(
	field: CredentialField,
	source: 'constant' | 'environment',
	environment: EnvironmentType
): string {
	const [ own, shared ] = overrideNames( field, environment );
	if ( source === 'constant' ) {
		return sprintf(
			/* translators: 1: a constant's name, such as CAUSERIE_CLIENT_ID; 2: the profile's own variant, such as CAUSERIE_PRODUCTION_CLIENT_ID */
			__(
				'Set by the %1$s constant (or %2$s) in wp-config.php, and can only be changed there.',
				'causerie-connector'
			),
			shared,
			own
		);
	}
	return sprintf(
		/* translators: 1: an environment variable's name, such as CAUSERIE_CLIENT_ID; 2: the profile's own variant, such as CAUSERIE_PRODUCTION_CLIENT_ID */
		__(
			'Set by the %1$s environment variable (or %2$s) on the server, and can only be changed there.',
			'causerie-connector'
		),
		shared,
		own
	);
}
