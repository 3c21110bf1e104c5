import { Button, TextControl } from '@wordpress/components';
import { useEffect, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type {
	AuthorizationServer,
	CredentialField,
	Settings,
	SettingsLevel,
} from '../../shared/types';
import { AddressFields } from './AddressFields';
import { ENVIRONMENT_LABELS, FIELD_LABELS } from './constants';
import { fieldHelp } from './fieldHelp';
import { inheritedNote } from './inherited';
import { lockReasonIn } from './locks';
import { OutcomeNotice } from './OutcomeNotice';
import { statusText } from './statusText';
import { ProgressStatus } from './ProgressStatus';
import { ScopesField } from './ScopesField';
import { SecretField } from './SecretField';
import { useCredentialForm } from '../hooks/useCredentialForm';

interface Props {
	settings: Settings;
	onSaved: ( settings: Settings ) => void;
	/** The sign-in service found for the credentials in use, when known. */
	server?: AuthorizationServer | null;
	/** The site's credentials, or the network's (which are always verified before they are saved). */
	level?: SettingsLevel;
}

/**
 * The fields of one profile, with Save (which the server verifies first) and Test without saving.
 */
export function CredentialsForm( {
	settings,
	onSaved,
	server = null,
	level = 'site',
}: Props ) {
	const { values, errors, busy, outcome, setField, save, verify } =
		useCredentialForm( settings, onSaved, level );
	const formRef = useRef< HTMLFormElement >( null );
	const isActive = settings.environment === settings.activeEnvironment;
	const isNetwork = level === 'network';
	const reasonOf = ( field: CredentialField ) =>
		lockReasonIn( settings, field );
	const fromNetwork = ( field: CredentialField ) =>
		inheritedNote( settings, field );

	// After a refusal that names fields, take the keyboard to the first one.
	useEffect( () => {
		if ( outcome?.kind === 'invalid' || outcome?.kind === 'failed' ) {
			formRef.current
				?.querySelector< HTMLElement >( '[aria-invalid="true"]' )
				?.focus();
		}
	}, [ outcome ] );

	return (
		<form
			ref={ formRef }
			className="causerie-credentials"
			aria-label={ sprintf(
				/* translators: %s: an environment, such as Production */
				__( '%s credentials', 'causerie-connector' ),
				ENVIRONMENT_LABELS[ settings.environment ]
			) }
			noValidate
			onSubmit={ ( event ) => {
				event.preventDefault();
				save();
			} }
		>
			<TextControl
				__next40pxDefaultSize
				label={ FIELD_LABELS.clientId }
				value={ values.clientId }
				onChange={ ( value: string ) => setField( 'clientId', value ) }
				autoComplete="off"
				spellCheck={ false }
				disabled={ !! reasonOf( 'clientId' ) }
				aria-invalid={ errors.clientId ? true : undefined }
				help={ fieldHelp(
					errors.clientId,
					reasonOf( 'clientId' ),
					fromNetwork( 'clientId' )
				) }
			/>
			<SecretField
				value={ values.clientSecret }
				onChange={ ( value ) => setField( 'clientSecret', value ) }
				stored={ settings }
				error={ errors.clientSecret }
				lockReason={ reasonOf( 'clientSecret' ) }
				note={ fromNetwork( 'clientSecret' ) }
			/>
			<AddressFields
				values={ values }
				onChange={ setField }
				errors={ errors }
				settings={ settings }
				// The sign-in service found is that of the site's profile in use.
				server={ isActive && ! isNetwork ? server : null }
			/>
			<ScopesField
				value={ values.scopes }
				onChange={ ( scopes ) => setField( 'scopes', scopes ) }
				error={ errors.scopes }
				lockReason={ reasonOf( 'scopes' ) }
				note={ fromNetwork( 'scopes' ) }
			/>
			<div className="causerie-credentials__actions">
				<Button
					variant="primary"
					type="submit"
					isBusy={ busy === 'save' }
					disabled={ busy !== null }
					accessibleWhenDisabled
				>
					{ __( 'Save', 'causerie-connector' ) }
				</Button>
				{ ! isNetwork && (
					<Button
						variant="secondary"
						onClick={ verify }
						isBusy={ busy === 'verify' }
						disabled={ busy !== null }
						accessibleWhenDisabled
					>
						{ __( 'Test without saving', 'causerie-connector' ) }
					</Button>
				) }
				<ProgressStatus
					busy={ busy !== null }
					message={ statusText(
						busy,
						outcome,
						isActive || isNetwork
					) }
				/>
			</div>
			<OutcomeNotice outcome={ outcome } />
		</form>
	);
}
