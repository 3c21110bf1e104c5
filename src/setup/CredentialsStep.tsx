import {
	Button,
	ExternalLink,
	Notice,
	TextControl,
} from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { FIELD_LABELS } from '../connection/credentials/constants';
import { OutcomeNotice } from '../connection/credentials/OutcomeNotice';
import { statusText } from '../connection/credentials/statusText';
import { ProgressStatus } from '../connection/credentials/ProgressStatus';
import { SecretField } from '../connection/credentials/SecretField';
import { useCredentialForm } from '../connection/hooks/useCredentialForm';
import { FIRST_RUN_SCOPES, type ScopeId } from '../shared/scopes';
import type { Settings } from '../shared/types';
import { documentationLink } from '../shared/documentation';
import { scopesAfterRefusal } from './narrowing';

interface Props {
	/** The site's own profile as stored. */
	settings: Settings;
	/** The address found on the first step. */
	apiUrl: string;
	/** The server's page about credentials, when it has one. */
	documentation: string | null;
	onSaved: ( settings: Settings ) => void;
}

/**
 * Step 2: the Client ID and secret. "Connect" is the credentials form's own save, which the server verifies
 * with Causerie before it keeps anything: a refusal shows its diagnosis here, and nothing is stored.
 *
 * @param props               Component props.
 * @param props.settings      The stored profile.
 * @param props.apiUrl        The address found.
 * @param props.documentation The server's page about credentials.
 * @param props.onSaved       Told of the saved, verified profile.
 */
export function CredentialsStep( {
	settings,
	apiUrl,
	documentation,
	onSaved,
}: Props ) {
	const { values, errors, busy, outcome, setField, save } = useCredentialForm(
		settings,
		onSaved
	);
	const formRef = useRef< HTMLFormElement >( null );
	const link = documentationLink( documentation );

	useEffect( () => {
		setField( 'apiUrl', apiUrl );
	}, [ apiUrl, setField ] );

	// The stored default asks only for what the plugin can't work without; the first run sets up every feature.
	useEffect( () => {
		if ( ! settings.locked.scopes ) {
			setField( 'scopes', [ ...FIRST_RUN_SCOPES ] );
		}
	}, [ settings.locked.scopes, setField ] );

	// A client the server won't allow every permission is refused with invalid_scope (RFC 6749 §5.2). The
	// first run then connects once more without the permissions refused; the overview's cards say what each
	// missing one leaves out. The retry's scopes wait in state until the form holds them.
	const [ narrowing, setNarrowing ] = useState<
		'no' | readonly ScopeId[] | 'done'
	>( 'no' );
	useEffect( () => {
		if (
			narrowing === 'no' &&
			! settings.locked.scopes &&
			outcome?.kind === 'failed' &&
			outcome.failure.diagnosis?.code === 'invalid_scope'
		) {
			const scopes = scopesAfterRefusal(
				outcome.failure.diagnosis.evidence
			);
			setNarrowing( scopes ?? 'done' );
			if ( scopes ) {
				setField( 'scopes', [ ...scopes ] );
			}
		}
	}, [ narrowing, outcome, settings.locked.scopes, setField ] );
	useEffect( () => {
		if (
			Array.isArray( narrowing ) &&
			busy === null &&
			values.scopes.join( ' ' ) === narrowing.join( ' ' )
		) {
			setNarrowing( 'done' );
			save();
		}
	}, [ narrowing, busy, values.scopes, save ] );

	// After a refusal that names a field, take the keyboard to it.
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
			className="causerie-first-run__form"
			noValidate
			onSubmit={ ( event ) => {
				event.preventDefault();
				save();
			} }
		>
			<p>
				{ __(
					'Copy the Client ID and the secret of your Causerie app, and paste them here. WordPress checks them with Causerie before keeping them.',
					'causerie-connector'
				) }
			</p>
			{ link && (
				<p>
					<ExternalLink href={ link }>
						{ __(
							'Get your Client ID and secret',
							'causerie-connector'
						) }
					</ExternalLink>
				</p>
			) }
			<TextControl
				__next40pxDefaultSize
				label={ FIELD_LABELS.clientId }
				value={ values.clientId }
				onChange={ ( value: string ) => setField( 'clientId', value ) }
				autoComplete="off"
				spellCheck={ false }
				aria-invalid={ errors.clientId ? true : undefined }
				help={ errors.clientId }
			/>
			<SecretField
				value={ values.clientSecret }
				onChange={ ( value ) => setField( 'clientSecret', value ) }
				stored={ settings }
				error={ errors.clientSecret }
			/>
			{ errors.apiUrl && (
				<Notice status="error" isDismissible={ false }>
					{ errors.apiUrl }
				</Notice>
			) }
			<div className="causerie-first-run__actions">
				<Button
					variant="primary"
					type="submit"
					isBusy={ busy !== null }
					disabled={ busy !== null }
					accessibleWhenDisabled
				>
					{ __( 'Connect', 'causerie-connector' ) }
				</Button>
				<ProgressStatus
					busy={ busy !== null }
					message={ statusText( busy, outcome, true ) }
				/>
			</div>
			<OutcomeNotice outcome={ outcome } />
		</form>
	);
}
