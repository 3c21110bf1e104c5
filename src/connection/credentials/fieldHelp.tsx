import type { ReactNode } from 'react';

/**
 * A field's help text with its error first, so the error is read out with the field (the controls point
 * aria-describedby at their help). Undefined when there is nothing to say, as controls render any value.
 *
 * @param error A message about the value, if it is at fault.
 * @param notes What the field is for, why it is locked, and the like.
 */
export function fieldHelp(
	error: string | undefined,
	...notes: Array< string | null | undefined | false >
): ReactNode {
	const shown = notes.filter( ( note ): note is string => !! note );
	if ( ! error && shown.length === 0 ) {
		return undefined;
	}
	return (
		<>
			{ error && <span className="causerie-field-error">{ error }</span> }
			{ shown.map( ( note ) => (
				<span key={ note } className="causerie-field-note">
					{ ' ' }
					{ note }
				</span>
			) ) }
		</>
	);
}
