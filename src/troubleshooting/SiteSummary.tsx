import { __ } from '@wordpress/i18n';

import type { EnvironmentType, SiteInfo } from '../shared/types';

const ENVIRONMENT_LABELS: Record< EnvironmentType, string > = {
	local: __( 'Local', 'causerie-connector' ),
	development: __( 'Development', 'causerie-connector' ),
	staging: __( 'Staging', 'causerie-connector' ),
	production: __( 'Production', 'causerie-connector' ),
};

interface Props {
	site: SiteInfo;
}

/**
 * The facts support asks for first: versions and the environment the site declares.
 * @param root0
 * @param root0.site
 */
export function SiteSummary( { site }: Props ) {
	const rows: Array< [ string, string ] > = [
		[ __( 'Plugin version', 'causerie-connector' ), site.pluginVersion ],
		[
			__( 'Environment', 'causerie-connector' ),
			ENVIRONMENT_LABELS[ site.environmentType ],
		],
		[ __( 'WordPress', 'causerie-connector' ), site.wordpressVersion ],
		[ __( 'PHP', 'causerie-connector' ), site.phpVersion ],
	];
	return (
		<dl className="causerie-site-summary">
			{ rows.map( ( [ term, value ] ) => (
				<div key={ term } className="causerie-site-summary__row">
					<dt>{ term }</dt>
					<dd>{ value }</dd>
				</div>
			) ) }
		</dl>
	);
}
