import { Button, Notice, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { fieldHelp } from '../credentials/fieldHelp';
import type { EnvironmentType, Settings } from '../../shared/types';
import { parsePastedCredentials } from './paste';
import { RefusalNotice } from './RefusalNotice';
import { useWizardSave } from '../hooks/useWizardSave';

interface Props {
	/** Ask for the client ID too: the credentials belong to another environment. */
	withClientId: boolean;
	settings: Settings | null;
	/** The site's environment, which names its own profile. */
	environmentType: EnvironmentType;
	onSaved: ( settings: Settings ) => void;
}

/**
 * Paste new credentials, have the server verify them, and only then let them replace the old ones.
 *
 * @param props                 Component props.
 * @param props.withClientId    Whether the client ID is asked for too.
 * @param props.settings        The stored settings: locked fields and the secret's hint.
 * @param props.environmentType The site's environment.
 * @param props.onSaved         Called once the new credentials are verified and stored.
 */
export function CredentialsFix( {
	withClientId,
	settings,
	environmentType,
	onSaved,
}: Props ) {
	const [ clientId, setClientId ] = useState( '' );
	const [ secret, setSecret ] = useState( '' );
	const { isSaving, failure, save } = useWizardSave(
		withClientId ? [ 'clientId', 'clientSecret' ] : [ 'clientSecret' ]
	);
	const lockedSecret = settings?.locked.clientSecret;
	const lockedId = settings?.locked.clientId;

	if ( lockedSecret || ( withClientId && lockedId ) ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				{ __(
					'The credentials are set in wp-config.php or the server environment, so they can’t be changed here. Put the new values there (CAUSERIE_CLIENT_ID, CAUSERIE_CLIENT_SECRET), then check again.',
					'causerie-connector'
				) }
			</Notice>
		);
	}

	const onPasteId = ( event: React.ClipboardEvent< HTMLInputElement > ) => {
		const both = parsePastedCredentials(
			event.clipboardData.getData( 'text' )
		);
		if ( both ) {
			event.preventDefault();
			setClientId( both.clientId );
			setSecret( both.clientSecret );
		}
	};

	const submit = async ( event: React.FormEvent ) => {
		event.preventDefault();
		// The site's own profile: the server verifies before it replaces anything.
		const outcome = await save(
			settings?.activeEnvironment ?? environmentType,
			{
				clientSecret: secret.trim(),
				...( withClientId ? { clientId: clientId.trim() } : {} ),
			}
		);
		if ( outcome.ok ) {
			setSecret( '' );
			onSaved( outcome.settings );
		}
	};
	const errors = failure?.fieldErrors ?? {};

	const incomplete =
		secret.trim() === '' || ( withClientId && clientId.trim() === '' );
	return (
		<form onSubmit={ submit } className="causerie-wizard__form">
			{ withClientId && (
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Client ID', 'causerie-connector' ) }
					value={ clientId }
					onChange={ setClientId }
					onPaste={ onPasteId }
					autoComplete="off"
					aria-invalid={ errors.clientId ? true : undefined }
					help={ fieldHelp(
						errors.clientId,
						__(
							'You can paste the client ID and secret together here.',
							'causerie-connector'
						)
					) }
				/>
			) }
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				type="password"
				label={ __( 'New client secret', 'causerie-connector' ) }
				help={ fieldHelp(
					errors.clientSecret,
					settings?.hasSecret &&
						( settings.secretHint
							? sprintf(
									/* translators: %s: a short fingerprint of the saved secret, such as 3f9a1c */
									__(
										'Replaces the saved secret (fingerprint %s).',
										'causerie-connector'
									),
									settings.secretHint
								)
							: __(
									'Replaces the saved secret.',
									'causerie-connector'
								) )
				) }
				value={ secret }
				onChange={ setSecret }
				autoComplete="new-password"
				aria-invalid={ errors.clientSecret ? true : undefined }
			/>
			{ failure && (
				<RefusalNotice
					diagnosis={ failure.diagnosis }
					message={ failure.message }
				/>
			) }
			<Button
				variant="primary"
				type="submit"
				isBusy={ isSaving }
				disabled={ isSaving || incomplete }
				accessibleWhenDisabled
			>
				{ isSaving
					? __( 'Verifying…', 'causerie-connector' )
					: __( 'Verify and save', 'causerie-connector' ) }
			</Button>
		</form>
	);
}
