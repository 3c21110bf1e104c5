import { __, _n, sprintf } from '@wordpress/i18n';

import { fetchSync } from '../shared/api/knowledge';
import { useRequest } from '../shared/hooks/useRequest';
import { formatRelative } from '../shared/time';
import { useNow } from '../shared/hooks/useNow';
import type { SyncStatus } from '../shared/types';
import { OverviewCard } from './OverviewCard';
import { useReadAfterChecks } from './useReadAfterChecks';

interface Props {
	onOpen: ( tab: string ) => void;
	/** When the checks last ran: they may lift a pause. */
	checkedAt: string | null;
	/** Whether the credentials were saved with the permission to update the knowledge. */
	knowledgeAllowed: boolean;
}

const iso = ( seconds: number ) => new Date( seconds * 1000 ).toISOString();

/**
 * What stops pages from reaching the chatbot, in a sentence each; none when nothing does.
 *
 * @param sync             The sync's status.
 * @param knowledgeAllowed Whether the credentials were saved with the permission.
 */
function problems( sync: SyncStatus, knowledgeAllowed: boolean ): string[] {
	const found: string[] = [];
	// Credentials Causerie allows only the widget connect and pass the checks: the fix is other credentials.
	if ( ! knowledgeAllowed || sync.pause?.code === 'insufficient_scope' ) {
		found.push(
			__(
				'The credentials don’t allow updating the chatbot’s knowledge. Ask Causerie for credentials that do, then save them in Credentials.',
				'causerie-connector'
			)
		);
	} else if ( sync.pause ) {
		found.push(
			__(
				'Sending pages is paused until the connection is fixed.',
				'causerie-connector'
			)
		);
	}
	if ( sync.failures.length > 0 ) {
		found.push(
			sprintf(
				/* translators: %d: how many pages. */
				_n(
					'%d page could not be sent.',
					'%d pages could not be sent.',
					sync.failures.length,
					'causerie-connector'
				),
				sync.failures.length
			)
		);
	}
	return found;
}

function Lines( {
	sync,
	now,
	knowledgeAllowed,
}: {
	sync: SyncStatus;
	now: number;
	knowledgeAllowed: boolean;
} ) {
	const found = problems( sync, knowledgeAllowed );
	return (
		<>
			<p>
				{ sprintf(
					/* translators: 1: pages the chatbot knows, 2: pages that qualify. */
					_n(
						"%1$d of %2$d page is in the chatbot's knowledge.",
						"%1$d of %2$d pages are in the chatbot's knowledge.",
						sync.eligible,
						'causerie-connector'
					),
					sync.inKnowledge,
					sync.eligible
				) }
			</p>
			<p>
				{ sync.sentAt
					? sprintf(
							/* translators: %s: when, such as "2 minutes ago". */
							__( 'Last sent %s.', 'causerie-connector' ),
							formatRelative( iso( sync.sentAt ), now )
						)
					: __( 'Nothing sent yet.', 'causerie-connector' ) }
			</p>
			{ sync.fullSync && (
				<p>
					{ sprintf(
						/* translators: 1: pages handled, 2: pages in all, 3: failed. */
						__(
							'Sending all content: %1$d of %2$d, %3$d failed.',
							'causerie-connector'
						),
						sync.fullSync.done + sync.fullSync.failed,
						sync.fullSync.total,
						sync.fullSync.failed
					) }
				</p>
			) }
			{ found.length === 0 ? (
				<p>{ __( 'No problems.', 'causerie-connector' ) }</p>
			) : (
				<ul className="causerie-overview__problems">
					{ found.map( ( line ) => (
						<li key={ line }>{ line }</li>
					) ) }
				</ul>
			) }
		</>
	);
}

/**
 * How much of the site the chatbot knows, when it was last sent, and what went wrong.
 *
 * @param props                  Component props.
 * @param props.onOpen           Opens a tab of the screen.
 * @param props.checkedAt        When the checks last ran.
 * @param props.knowledgeAllowed Whether the credentials may update the knowledge.
 */
export function KnowledgeCard( {
	onOpen,
	checkedAt,
	knowledgeAllowed,
}: Props ) {
	const { data, error, run } = useRequest( fetchSync, { args: [] } );
	useReadAfterChecks( run, checkedAt );
	const now = useNow( 30000 );
	return (
		<OverviewCard
			title={ __( 'Knowledge', 'causerie-connector' ) }
			detail={ {
				tab: 'knowledge',
				label: __( 'Knowledge settings', 'causerie-connector' ),
			} }
			onOpen={ onOpen }
			error={ error }
		>
			{ data && (
				<Lines
					sync={ data }
					now={ now }
					knowledgeAllowed={ knowledgeAllowed }
				/>
			) }
		</OverviewCard>
	);
}
