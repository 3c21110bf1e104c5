import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	Spinner,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type {
	AuthorizationServer,
	Settings,
	SettingsLevel,
} from '../shared/types';
import { CredentialsForm } from './credentials/CredentialsForm';
import { EnvironmentField } from './credentials/EnvironmentField';
import { SecretStatusNotice } from './credentials/SecretStatusNotice';
import { useCredentialSettings } from './hooks/useCredentialSettings';
import './credentials/credentials.scss';

interface Props {
	/** Told of the profile the server kept after each successful save, to refresh the status. */
	onSaved?: ( settings: Settings ) => void;
	/** The site's own profile, when the page already has it. */
	initialSettings?: Settings;
	/** Where the plugin found the sign-in service of the credentials in use, when known. */
	server?: AuthorizationServer | null;
	/** The site's credentials, or the network's on the network's screen. */
	level?: SettingsLevel;
}

/**
 * The credentials of each environment profile: client id, write-only secret, API address and scopes.
 * Fields set in wp-config.php or the server environment are shown read-only, with the reason.
 */
export function CredentialsPanel( {
	onSaved,
	initialSettings,
	server = null,
	level = 'site',
}: Props ) {
	const { data, isBusy, error, environment, select, replace, reload } =
		useCredentialSettings( initialSettings, level );
	// Until the profile asked for arrives, the form would show the previous one's values.
	const isStale =
		!! data && !! environment && data.environment !== environment;

	return (
		<Card className="causerie-credentials-panel">
			<CardHeader>
				<h2>{ __( 'Credentials', 'causerie-connector' ) }</h2>
			</CardHeader>
			<CardBody>
				{ error && (
					<Notice status="error" isDismissible={ false }>
						<p>{ error.message }</p>
						<Button variant="secondary" onClick={ reload }>
							{ __( 'Try again', 'causerie-connector' ) }
						</Button>
					</Notice>
				) }
				{ data && (
					<EnvironmentField
						value={ environment ?? data.environment }
						active={ data.activeEnvironment }
						onChange={ select }
						level={ level }
					/>
				) }
				{ isBusy && ( isStale || ! data ) && (
					<p role="status">
						<Spinner />
						{ __(
							'Loading the credentials…',
							'causerie-connector'
						) }
					</p>
				) }
				{ data && ! isStale && (
					<>
						<SecretStatusNotice status={ data.secretStatus } />
						<CredentialsForm
							key={ data.environment }
							settings={ data }
							server={ server }
							level={ level }
							onSaved={ ( saved ) => {
								replace( saved );
								onSaved?.( saved );
							} }
						/>
					</>
				) }
			</CardBody>
		</Card>
	);
}
