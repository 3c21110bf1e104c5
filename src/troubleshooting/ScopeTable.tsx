import { __, sprintf } from '@wordpress/i18n';

import type { ScopeComparison } from './inspector/requirements';

interface Props {
	scopes: ScopeComparison;
}

/**
 * The scopes the plugin's features need, each granted or missing, and any others the token has.
 */
export function ScopeTable( { scopes }: Props ) {
	const rows = [
		...scopes.granted.map( ( scope ) => ( { scope, granted: true } ) ),
		...scopes.missing.map( ( scope ) => ( { scope, granted: false } ) ),
	];
	return (
		<>
			<table className="widefat striped causerie-scopes">
				<caption>
					{ __( 'Scopes the plugin needs', 'causerie-connector' ) }
				</caption>
				<thead>
					<tr>
						<th scope="col">
							{ __( 'Scope', 'causerie-connector' ) }
						</th>
						<th scope="col">
							{ __( 'In the token', 'causerie-connector' ) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ rows.map( ( { scope, granted } ) => (
						<tr key={ scope }>
							<th scope="row">
								<code>{ scope }</code>
							</th>
							<td>
								{ granted
									? __( 'Granted', 'causerie-connector' )
									: __( 'Missing', 'causerie-connector' ) }
							</td>
						</tr>
					) ) }
				</tbody>
			</table>
			{ scopes.extra.length > 0 && (
				<p>
					{ sprintf(
						/* translators: %s: space-separated scopes. */
						__( 'Also granted: %s', 'causerie-connector' ),
						scopes.extra.join( ' ' )
					) }
				</p>
			) }
		</>
	);
}
