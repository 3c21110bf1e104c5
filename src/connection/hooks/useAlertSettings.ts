import { useCallback, useState } from '@wordpress/element';

import {
	fetchAlertSettings,
	saveAlertSettings,
} from '../../shared/api/connection';
import { useRequest } from '../../shared/hooks/useRequest';
import type { AlertSettings, RestError } from '../../shared/types';

export interface UseAlertSettings {
	/** The stored settings; null until loaded. */
	data: AlertSettings | null;
	isBusy: boolean;
	error: RestError | null;
	/** Whether the last save succeeded, until the next one starts. */
	saved: boolean;
	save: ( alertEmail: string ) => void;
}

// Reading and saving answer with the same settings, so one request state serves both, and a save always
// outranks an older read still under way.
function readOrSave( alertEmail?: string ): Promise< AlertSettings > {
	return alertEmail === undefined
		? fetchAlertSettings()
		: saveAlertSettings( alertEmail );
}

/**
 * Reads the alert email settings once mounted, and saves a new address.
 */
export function useAlertSettings(): UseAlertSettings {
	const { data, isBusy, error, run } = useRequest( readOrSave, {
		args: [],
	} );
	const [ saved, setSaved ] = useState( false );

	const save = useCallback(
		( alertEmail: string ) => {
			setSaved( false );
			void run( alertEmail ).then( setSaved );
		},
		[ run ]
	);

	return { data, isBusy, error, saved, save };
}
