import { useCallback, useState } from '@wordpress/element';

import { saveSettings } from '../../shared/api/connection';
import { readFailure } from '../credentials/serverErrors';
import type { Failure } from '../credentials/types';
import type {
	CredentialField,
	EnvironmentType,
	Settings,
	SettingsChanges,
} from '../../shared/types';

export type SaveOutcome =
	{ ok: true; settings: Settings } | { ok: false; failure: Failure };

export interface UseWizardSave {
	isSaving: boolean;
	/** Why the last save was refused; nothing was changed then. */
	failure: Failure | null;
	save: (
		environment: EnvironmentType,
		changes: SettingsChanges
	) => Promise< SaveOutcome >;
}

/**
 * Saves what a wizard step asks for through POST /settings, which verifies the credentials before it
 * replaces anything, and reads a refusal as the credentials form does.
 *
 * @param shown The fields the step shows: an error about any other one is told as a message.
 */
export function useWizardSave( shown: CredentialField[] ): UseWizardSave {
	const [ isSaving, setIsSaving ] = useState( false );
	const [ failure, setFailure ] = useState< Failure | null >( null );
	// A new list at each render: what it holds is what matters.
	const key = shown.join( ' ' );

	const save = useCallback(
		async (
			environment: EnvironmentType,
			changes: SettingsChanges
		): Promise< SaveOutcome > => {
			setIsSaving( true );
			setFailure( null );
			try {
				return {
					ok: true,
					settings: await saveSettings( environment, changes ),
				};
			} catch ( reason ) {
				const read = readFailure( reason );
				const fields = key.split( ' ' );
				const elsewhere = Object.entries( read.fieldErrors )
					.filter( ( [ field ] ) => ! fields.includes( field ) )
					.map( ( [ , message ] ) => message );
				const refused: Failure = {
					...read,
					message:
						[ read.message, ...elsewhere ]
							.filter( Boolean )
							.join( ' ' ) || null,
				};
				setFailure( refused );
				return { ok: false, failure: refused };
			} finally {
				setIsSaving( false );
			}
		},
		[ key ]
	);

	return { isSaving, failure, save };
}
