import { TextControl } from '@wordpress/components';

import type { Settings } from '../../shared/types';
import { FIELD_LABELS } from './constants';
import { fieldHelp } from './fieldHelp';
import { inheritedNote } from './inherited';
import { lockReasonIn } from './locks';
import type { AddressField } from './types';

interface Props {
	field: AddressField;
	value: string;
	onChange: ( field: AddressField, value: string ) => void;
	/** The profile as stored: locks and inherited fields. */
	settings: Settings;
	error?: string | undefined;
	/** What the field is for, shown when it is not locked. */
	note: string;
	placeholder?: string;
}

/**
 * One address field: read-only with the constant to change when wp-config.php sets it, with its error first.
 */
export function AddressInput( {
	field,
	value,
	onChange,
	settings,
	error,
	note,
	placeholder,
}: Props ) {
	const locked = lockReasonIn( settings, field );
	return (
		<TextControl
			__next40pxDefaultSize
			label={ FIELD_LABELS[ field ] }
			type="url"
			value={ value }
			onChange={ ( next: string ) => onChange( field, next ) }
			placeholder={ placeholder }
			autoComplete="off"
			spellCheck={ false }
			disabled={ !! locked }
			aria-invalid={ error ? true : undefined }
			help={ fieldHelp(
				error,
				locked ?? note,
				inheritedNote( settings, field )
			) }
		/>
	);
}
