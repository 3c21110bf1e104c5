import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { DiagnosisCode } from '../shared/codes';
import { ScopeName } from '../shared/ScopeName';

interface Props {
	/** The scope the server named; the conversations scope unless it said otherwise. */
	scope: string;
	/** Opens the repair wizard on a cause. */
	onFix: ( code: DiagnosisCode ) => void;
}

/**
 * What a conversation or lead read refused for want of a scope says, in the owner's words, with the fix.
 *
 * @param props       Component props.
 * @param props.scope The missing scope.
 * @param props.onFix Opens the repair wizard.
 */
export function MissingScope( { scope, onFix }: Props ) {
	return (
		<Notice status="warning" isDismissible={ false }>
			<p>
				<strong>
					{ __(
						"Causerie didn't give this site permission to read conversations.",
						'causerie-connector'
					) }
				</strong>
			</p>
			<p>
				{ __( 'The missing permission:', 'causerie-connector' ) }{ ' ' }
				<ScopeName id={ scope } />
			</p>
			<p>
				{ __(
					'In the Causerie dashboard, grant it to this site’s app and make sure it is ticked under Credentials → Permissions; then get a new token.',
					'causerie-connector'
				) }
			</p>
			<p>
				{ /* #fix also opens the wizard when the link is opened in a new tab. */ }
				<a
					href="#fix"
					onClick={ ( event ) => {
						event.preventDefault();
						onFix( 'insufficient_scope' );
					} }
				>
					{ __( 'Fix the permission', 'causerie-connector' ) }
				</a>
			</p>
		</Notice>
	);
}
