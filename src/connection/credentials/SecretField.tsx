import { TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { Settings } from '../../shared/types';
import { FIELD_LABELS, SAVED_MASK } from './constants';
import { fieldHelp } from './fieldHelp';

interface Props {
	value: string;
	onChange: ( value: string ) => void;
	/** What the server says of the stored secret; never the secret itself. */
	stored: Pick< Settings, 'hasSecret' | 'secretHint' | 'secretStatus' >;
	error?: string | undefined;
	/** Why the field can't be edited, when wp-config.php sets it. */
	lockReason?: string | undefined;
	/** Another note, such as where the value comes from. */
	note?: string | undefined;
	label?: string;
	disabled?: boolean;
}

function noteFor( stored: Props[ 'stored' ] ): string {
	if ( stored.secretStatus === 'key_changed' ) {
		return __(
			'The saved secret can no longer be read, because the encryption key changed. Enter it again.',
			'causerie-connector'
		);
	}
	if ( stored.secretStatus === 'copied' ) {
		return __(
			"The saved secret was copied from another site or setting and can't be read here. Enter it again.",
			'causerie-connector'
		);
	}
	if ( stored.secretStatus === 'corrupt' ) {
		return __(
			'The saved secret is damaged and can no longer be read. Enter it again.',
			'causerie-connector'
		);
	}
	if ( stored.hasSecret && stored.secretHint !== '' ) {
		return sprintf(
			/* translators: %s: a short fingerprint that tells two secrets apart without showing any of their characters, such as 3f9a1c */
			__(
				'A secret is saved (fingerprint %s). Leave this empty to keep it, or paste a new one to replace it.',
				'causerie-connector'
			),
			stored.secretHint
		);
	}
	if ( stored.hasSecret ) {
		return __(
			'A secret is saved. Leave this empty to keep it, or paste a new one to replace it.',
			'causerie-connector'
		);
	}
	return __(
		'Paste the client secret from the Causerie dashboard. It is stored encrypted and never shown again.',
		'causerie-connector'
	);
}

/**
 * The client secret is write-only: the field starts empty, and only a mask and a fingerprint tell that one is saved.
 */
export function SecretField( {
	value,
	onChange,
	stored,
	error,
	lockReason,
	note,
	label = FIELD_LABELS.clientSecret,
	disabled = false,
}: Props ) {
	// Dots, not the fingerprint: a placeholder in a password field reads like a value.
	const placeholder =
		stored.hasSecret && stored.secretStatus === 'ok' ? SAVED_MASK : '';
	return (
		<TextControl
			__next40pxDefaultSize
			label={ label }
			type="password"
			value={ value }
			onChange={ onChange }
			placeholder={ placeholder }
			// Keeps browsers from filling in the WordPress login password.
			autoComplete="new-password"
			spellCheck={ false }
			disabled={ disabled || !! lockReason }
			aria-invalid={ error ? true : undefined }
			help={ fieldHelp( error, lockReason ?? noteFor( stored ), note ) }
		/>
	);
}
