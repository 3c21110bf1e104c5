import { CheckboxControl } from '@wordpress/components';
import { useId } from '@wordpress/element';

import { SCOPES, scopeHelp, scopeLabel } from '../../shared/scopes';
import { FIELD_LABELS } from './constants';
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

/**
 * The permissions the plugin asks for, each named by what it allows, its identifier in small print for
 * whoever ticks it in the Causerie dashboard; a group of checkboxes, described by its error or lock reason.
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
				? SCOPES.filter(
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
			{ SCOPES.map( ( scope ) => (
				<CheckboxControl
					key={ scope }
					label={ scopeLabel( scope ) }
					help={
						<>
							{ scopeHelp( scope ) }{ ' ' }
							<small className="causerie-scope-id">
								<code>{ scope }</code>
							</small>
						</>
					}
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
