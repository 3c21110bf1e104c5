import { __, sprintf } from '@wordpress/i18n';

import type { NetworkSiteSync } from '../shared/types';

/**
 * Each site's knowledge sync, so the network administrator reads every site's state without visiting them.
 * It only reads: each site syncs its own content into its own queue.
 */
export function NetworkSyncTable( { rows }: { rows: NetworkSiteSync[] } ) {
	return (
		<section className="causerie-network-sync">
			<h2>
				{ __( 'Knowledge sync of each site', 'causerie-connector' ) }
			</h2>
			<table className="widefat striped">
				<thead>
					<tr>
						<th scope="col">
							{ __( 'Site', 'causerie-connector' ) }
						</th>
						<th scope="col">
							{ __(
								"In the chatbot's knowledge",
								'causerie-connector'
							) }
						</th>
						<th scope="col">
							{ __( 'Queued', 'causerie-connector' ) }
						</th>
						<th scope="col">
							{ __( 'Failed', 'causerie-connector' ) }
						</th>
						<th scope="col">
							{ __( 'Paused by', 'causerie-connector' ) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ rows.map( ( row ) => (
						<tr key={ row.site }>
							<th scope="row">
								<a href={ row.url }>{ row.name || row.url }</a>
							</th>
							<td>
								{ sprintf(
									/* translators: 1: posts in the chatbot's knowledge; 2: posts that should be */
									__( '%1$d of %2$d', 'causerie-connector' ),
									row.synced,
									row.total
								) }
							</td>
							<td>{ row.pending }</td>
							<td>{ row.failed }</td>
							<td>
								{ row.pause
									? row.pause.title
									: __( 'Nothing', 'causerie-connector' ) }
							</td>
						</tr>
					) ) }
				</tbody>
			</table>
		</section>
	);
}
