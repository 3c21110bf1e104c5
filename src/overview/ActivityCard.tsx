import { __, sprintf } from '@wordpress/i18n';

import { fetchActivity } from '../shared/api/conversations';
import { useRequest } from '../shared/hooks/useRequest';
import { formatClockTime, formatRelative } from '../shared/time';
import { useNow } from '../shared/hooks/useNow';
import type { Activity } from '../shared/types';
import { OverviewCard } from './OverviewCard';
import { useReadAfterChecks } from './useReadAfterChecks';

interface Props {
	onOpen: ( tab: string ) => void;
	/** When the checks last ran: they follow a connection made or fixed on this page. */
	checkedAt: string | null;
}

const REASONS: Record< NonNullable< Activity[ 'reason' ] >, string > = {
	missing_scope: __(
		'The credentials don’t allow reading conversations. Ask Causerie for credentials that do, then save them in Credentials.',
		'causerie-connector'
	),
	not_connected: __(
		'Shown once the chatbot is connected to Causerie.',
		'causerie-connector'
	),
	unavailable: __(
		'Not available yet: the numbers are gathered in the background. Look again later.',
		'causerie-connector'
	),
};

function Lines( { activity, now }: { activity: Activity; now: number } ) {
	const { conversations, leads, reason } = activity;
	if ( conversations === null || leads === null ) {
		return <p>{ REASONS[ reason ?? 'unavailable' ] }</p>;
	}
	return (
		<>
			<dl className="causerie-overview__numbers">
				<div>
					<dt>{ __( 'Conversations', 'causerie-connector' ) }</dt>
					<dd>{ conversations }</dd>
				</div>
				<div>
					<dt>
						{ __(
							'Visitors who left their contact details',
							'causerie-connector'
						) }
					</dt>
					<dd>{ leads }</dd>
				</div>
			</dl>
			<p className="causerie-overview__since">
				{ sprintf(
					/* translators: %s: a date and time. */
					__( 'Since %s.', 'causerie-connector' ),
					formatClockTime( activity.since, now )
				) }{ ' ' }
				{ activity.refreshedAt &&
					sprintf(
						/* translators: %s: when, such as "2 hours ago". */
						__( 'Counted %s.', 'causerie-connector' ),
						formatRelative( activity.refreshedAt, now )
					) }
			</p>
		</>
	);
}

/**
 * This week's conversations and leads, as the server last counted them.
 *
 * @param props           Component props.
 * @param props.onOpen    Opens a tab of the screen.
 * @param props.checkedAt When the checks last ran.
 */
export function ActivityCard( { onOpen, checkedAt }: Props ) {
	// The page's first read may be the one preloaded before the guided setup connected the site.
	const { data, error, run } = useRequest( fetchActivity, { args: [] } );
	useReadAfterChecks( run, checkedAt );
	const now = useNow( 30000 );
	return (
		<OverviewCard
			title={ __( 'Conversations this week', 'causerie-connector' ) }
			detail={ {
				tab: 'conversations',
				label: __( 'All conversations', 'causerie-connector' ),
			} }
			onOpen={ onOpen }
			error={ error }
		>
			{ data && <Lines activity={ data } now={ now } /> }
		</OverviewCard>
	);
}
