import { useCallback, useState } from '@wordpress/element';

import { saveSettings, verifySettings } from '../../shared/api/connection';
import type {
	CredentialField,
	Settings,
	SettingsLevel,
	VerifyResult,
} from '../../shared/types';
import { candidateOf, changesOf, valuesOf } from '../credentials/changes';
import type {
	CredentialValues,
	Failure,
	FieldErrors,
} from '../credentials/types';
import { readFailure } from '../credentials/serverErrors';
import { validateCredentials } from '../credentials/validation';

export type Action = 'save' | 'verify';

export type Outcome =
	| { kind: 'saved'; settings: Settings }
	| { kind: 'verified'; result: VerifyResult }
	| { kind: 'invalid'; action: Action }
	| { kind: 'unchanged' }
	| { kind: 'failed'; action: Action; failure: Failure };

export interface UseCredentialForm {
	values: CredentialValues;
	errors: FieldErrors;
	/** The request under way, if any. */
	busy: Action | null;
	outcome: Outcome | null;
	setField: < F extends CredentialField >(
		field: F,
		value: CredentialValues[ F ]
	) => void;
	save: () => void;
	verify: () => void;
}

/**
 * The state of the credentials form of one profile: values, field errors, and the save and verify actions.
 * A failed request leaves the values as typed, so the admin can correct them.
 *
 * @param settings The profile as stored.
 * @param onSaved  Told of the profile the server kept after a save.
 * @param level    The site's credentials or the network's.
 */
export function useCredentialForm(
	settings: Settings,
	onSaved: ( settings: Settings ) => void,
	level: SettingsLevel = 'site'
): UseCredentialForm {
	const [ values, setValues ] = useState( () => valuesOf( settings ) );
	const [ errors, setErrors ] = useState< FieldErrors >( {} );
	const [ busy, setBusy ] = useState< Action | null >( null );
	const [ outcome, setOutcome ] = useState< Outcome | null >( null );

	const setField = useCallback(
		< F extends CredentialField >(
			field: F,
			value: CredentialValues[ F ]
		) => {
			setValues( ( previous ) => ( { ...previous, [ field ]: value } ) );
			// The message was about the old value.
			setErrors( ( previous ) => {
				const { [ field ]: _dropped, ...rest } = previous;
				return rest;
			} );
		},
		[]
	);

	const run = ( action: Action ) => {
		if ( busy ) {
			return;
		}
		const invalid = validateCredentials( values, settings );
		setErrors( invalid );
		if ( Object.keys( invalid ).length > 0 ) {
			setOutcome( { kind: 'invalid', action } );
			return;
		}
		const changes = changesOf( values, settings );
		if ( action === 'save' && Object.keys( changes ).length === 0 ) {
			setOutcome( { kind: 'unchanged' } );
			return;
		}
		setBusy( action );
		setOutcome( null );
		const request =
			action === 'save'
				? saveSettings( settings.environment, changes, level ).then(
						( saved ): Outcome => ( {
							kind: 'saved',
							settings: saved,
						} )
					)
				: verifySettings(
						settings.environment,
						candidateOf( values, settings )
					).then( ( result ): Outcome => ( {
						kind: 'verified',
						result,
					} ) );
		request
			.catch( ( reason: unknown ): Outcome => {
				const failure = readFailure( reason );
				setErrors( failure.fieldErrors );
				return { kind: 'failed', action, failure };
			} )
			.then( ( next ) => {
				setOutcome( next );
				setBusy( null );
				if ( next.kind === 'saved' ) {
					// The secret field empties again: the new secret is stored, and never shown.
					setValues( valuesOf( next.settings ) );
					onSaved( next.settings );
				}
			} );
	};

	return {
		values,
		errors,
		busy,
		outcome,
		setField,
		save: () => run( 'save' ),
		verify: () => run( 'verify' ),
	};
}
