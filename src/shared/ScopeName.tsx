import { scopeLabel } from './scopes';

interface Props {
	/** A scope identifier, such as read:widget. */
	id: string;
}

/**
 * A scope as what it allows, with its identifier in small print for whoever must find it in the Causerie
 * dashboard.
 *
 * @param props    Component props.
 * @param props.id The scope.
 */
export function ScopeName( { id }: Props ) {
	const label = scopeLabel( id );
	return label === id ? (
		<code>{ id }</code>
	) : (
		<>
			{ label }{ ' ' }
			<small className="causerie-scope-id">
				(<code>{ id }</code>)
			</small>
		</>
	);
}
