/**
 * Names the credentials forms share; they mirror Credential_Store and Settings_Input on the server.
 */
import { __ } from '@wordpress/i18n';

import type { CredentialField, EnvironmentType } from '../../shared/types';

export const ENVIRONMENTS: EnvironmentType[] = [
	'local',
	'development',
	'staging',
	'production',
];

export const ENVIRONMENT_LABELS: Record< EnvironmentType, string > = {
	local: __( 'Local', 'causerie-connector' ),
	development: __( 'Development', 'causerie-connector' ),
	staging: __( 'Staging', 'causerie-connector' ),
	production: __( 'Production', 'causerie-connector' ),
};

export const FIELD_LABELS: Record< CredentialField, string > = {
	clientId: __( 'Client ID', 'causerie-connector' ),
	clientSecret: __( 'Client secret', 'causerie-connector' ),
	apiUrl: __( 'API address', 'causerie-connector' ),
	issuer: __( 'Authorization server (issuer)', 'causerie-connector' ),
	tokenEndpoint: __( 'Token endpoint', 'causerie-connector' ),
	scopes: __( 'Permissions', 'causerie-connector' ),
};

/** Suffix of the wp-config.php constant or environment variable that overrides a field (Overrides.php). */
export const OVERRIDE_SUFFIXES: Record< CredentialField, string > = {
	clientId: 'CLIENT_ID',
	clientSecret: 'CLIENT_SECRET',
	apiUrl: 'API_URL',
	issuer: 'ISSUER',
	tokenEndpoint: 'TOKEN_ENDPOINT',
	scopes: 'SCOPES',
};

/** What the empty secret field shows when a secret is saved: never the secret, nor its fingerprint. */
export const SAVED_MASK = '••••••••';
