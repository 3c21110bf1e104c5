import { useCallback, useState } from '@wordpress/element';

import { fetchSettings } from '../../shared/api/connection';
import { useRequest } from '../../shared/hooks/useRequest';
import type {
	EnvironmentType,
	RestError,
	Settings,
	SettingsLevel,
} from '../../shared/types';

export interface UseCredentialSettings {
	data: Settings | null;
	isBusy: boolean;
	error: RestError | null;
	/** The profile asked for; undefined means the site's own. */
	environment: EnvironmentType | undefined;
	select: ( environment: EnvironmentType ) => void;
	/** Takes a profile the server just returned, such as after a save. */
	replace: ( settings: Settings ) => void;
	reload: () => void;
}

/**
 * Loads the credentials of one profile; the site's own first, through the preloaded path.
 *
 * @param initial Settings already at hand (preloaded by the page), to paint without a request.
 * @param level   The site's credentials or the network's.
 */
export function useCredentialSettings(
	initial?: Settings,
	level: SettingsLevel = 'site'
): UseCredentialSettings {
	const [ environment, setEnvironment ] = useState( initial?.environment );
	// Without settings at hand, the site's own profile is read on mount.
	const { data, isBusy, error, run, replace } = useRequest<
		Settings,
		[ EnvironmentType | undefined, SettingsLevel ]
	>( fetchSettings, {
		args: initial ? undefined : [ undefined, level ],
		initial,
	} );

	const select = useCallback(
		( next: EnvironmentType ) => {
			setEnvironment( next );
			void run( next, level );
		},
		[ run, level ]
	);
	const reload = useCallback(
		() => void run( environment, level ),
		[ run, environment, level ]
	);

	return { data, isBusy, error, environment, select, replace, reload };
}
