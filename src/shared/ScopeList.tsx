import { ScopeName } from './ScopeName';

interface Props {
	/** Scope identifiers, such as read:widget. */
	scopes: readonly string[];
}

/**
 * Scopes as a list of what they allow, each identifier in small print; nothing for an empty list.
 *
 * @param props        Component props.
 * @param props.scopes The scopes.
 */
export function ScopeList( { scopes }: Props ) {
	return scopes.length > 0 ? (
		<ul className="causerie-scope-list">
			{ scopes.map( ( scope ) => (
				<li key={ scope }>
					<ScopeName id={ scope } />
				</li>
			) ) }
		</ul>
	) : null;
}
