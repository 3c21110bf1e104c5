import { CheckboxControl } from '@wordpress/components';
import { useId } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { FIELD_LABELS, KNOWN_SCOPES } from './constants';
import { fieldHelp } from './fieldHelp';

interface Props {
	value: string[];
	onChange: ( scopes: string[] ) => void;
	error?: string | undefined;
	lockReason?: string | undefined;
	/** Another note, such as where the value comes from. */
	note?: string | undefined;
	disabled?: boolean;
}

const PURPOSES: Record< ( typeof KNOWN_SCOPES )[ number ], string > = {
	'read:widget': __(
		'Needed to show the chat widget.',
		'causerie-connector'
	),
	'write:knowledge': __(
		'Needed to send the site’s content to the chatbot’s knowledge.',
		'causerie-connector'
	),
	'read:conversations': __(
		'Optional: lets the plugin read past conversations.',
		'causerie-connector'
	),
};

/**
 * The permissions the plugin asks for; a group of checkboxes, described by its error or lock reason.
 */
export function ScopesField( {
	value,
	onChange,
	error,
	lockReason,
	note,
	disabled = false,
}: Props ) {
	const id = useId();
	const help = fieldHelp( error, lockReason, note );
	const toggle = ( scope: string, checked: boolean ) =>
		onChange(
			checked
				? KNOWN_SCOPES.filter(
						( known ) => known === scope || value.includes( known )
					)
				: value.filter( ( granted ) => granted !== scope )
		);
	return (
		<fieldset
			className="causerie-scopes"
			aria-describedby={ help ? `${ id }__help` : undefined }
		>
			<legend>{ FIELD_LABELS.scopes }</legend>
			{ KNOWN_SCOPES.map( ( scope ) => (
				<CheckboxControl
					key={ scope }
					label={ scope }
					help={ PURPOSES[ scope ] }
					checked={ value.includes( scope ) }
					onChange={ ( checked: boolean ) =>
						toggle( scope, checked )
					}
					disabled={ disabled || !! lockReason }
				/>
			) ) }
			{ help && (
				<p id={ `${ id }__help` } className="causerie-scopes__help">
					{ help }
				</p>
			) }
		</fieldset>
	);
}
