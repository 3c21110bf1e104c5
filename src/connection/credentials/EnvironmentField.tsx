import { SelectControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { EnvironmentType, SettingsLevel } from '../../shared/types';
import { ENVIRONMENTS, ENVIRONMENT_LABELS } from './constants';

interface Props {
	value: EnvironmentType;
	/** The site's environment type; its profile is the one in use. */
	active: EnvironmentType;
	onChange: ( environment: EnvironmentType ) => void;
	disabled?: boolean;
	/** The site's credentials, or the network's, which every site of the network uses. */
	level?: SettingsLevel;
}

/**
 * What the field says of the profile shown. On the network's screen the profile is for the network's sites,
 * none of which is "this site", and no "Test without saving" is offered there.
 *
 * @param value  The profile shown.
 * @param active The environment the site or the network's sites run as.
 * @param level  Site or network.
 */
function helpText(
	value: EnvironmentType,
	active: EnvironmentType,
	level: SettingsLevel
): string {
	if ( level === 'network' ) {
		return value === active
			? sprintf(
					/* translators: %s: an environment, such as Production */
					__(
						'The network’s sites run as %s, so these are the credentials they use, unless a site saves its own.',
						'causerie-connector'
					),
					ENVIRONMENT_LABELS[ active ]
				)
			: sprintf(
					/* translators: 1: the environment shown, such as Staging; 2: the network's environment, such as Production */
					__(
						'These %1$s credentials are kept for when the network’s sites run as %1$s. They run as %2$s now.',
						'causerie-connector'
					),
					ENVIRONMENT_LABELS[ value ],
					ENVIRONMENT_LABELS[ active ]
				);
	}
	return value === active
		? sprintf(
				/* translators: %s: an environment, such as Production */
				__(
					'This site runs as %s, so these are the credentials in use.',
					'causerie-connector'
				),
				ENVIRONMENT_LABELS[ active ]
			)
		: sprintf(
				/* translators: 1: the environment shown, such as Staging; 2: the site's environment, such as Production */
				__(
					'These %1$s credentials are kept for when the site runs as %1$s. This site runs as %2$s. They are saved without a check, as this site may not reach their API; use "Test without saving" to try them.',
					'causerie-connector'
				),
				ENVIRONMENT_LABELS[ value ],
				ENVIRONMENT_LABELS[ active ]
			);
}

function isEnvironment( value: string ): value is EnvironmentType {
	return ( ENVIRONMENTS as string[] ).includes( value );
}

/**
 * Each environment keeps its own credentials; the one matching the site's environment type is in use. Worded
 * by what it does: which credentials the site uses when it runs as Production, Staging…; the setting that
 * decides it (WP_ENVIRONMENT_TYPE) is named in small print only.
 */
export function EnvironmentField( {
	value,
	active,
	onChange,
	disabled = false,
	level = 'site',
}: Props ) {
	const options = ENVIRONMENTS.map( ( environment ) => ( {
		value: environment,
		label:
			environment === active
				? sprintf(
						/* translators: %s: an environment, such as Production */
						__( '%s (as it runs now)', 'causerie-connector' ),
						ENVIRONMENT_LABELS[ environment ]
					)
				: ENVIRONMENT_LABELS[ environment ],
	} ) );
	const help = helpText( value, active, level );
	return (
		<SelectControl
			__next40pxDefaultSize
			label={
				level === 'network'
					? __(
							'Credentials the network’s sites use when they run as',
							'causerie-connector'
						)
					: __(
							'Credentials used when this site runs as',
							'causerie-connector'
						)
			}
			value={ value }
			options={ options }
			onChange={ ( next: string ) => {
				if ( isEnvironment( next ) ) {
					onChange( next );
				}
			} }
			disabled={ disabled }
			help={
				<>
					{ help }{ ' ' }
					<small>
						{ level === 'network'
							? sprintf(
									/* translators: %s: an environment, such as production */
									__(
										'WordPress tells how the network’s sites run through the WP_ENVIRONMENT_TYPE setting in wp-config.php (now: %s).',
										'causerie-connector'
									),
									active
								)
							: sprintf(
									/* translators: %s: an environment, such as production */
									__(
										'WordPress tells how the site runs through the WP_ENVIRONMENT_TYPE setting in wp-config.php (now: %s).',
										'causerie-connector'
									),
									active
								) }
					</small>
				</>
			}
		/>
	);
}
