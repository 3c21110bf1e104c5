import { __ } from '@wordpress/i18n';

import { fetchWidget } from '../shared/api/widget';
import { useRequest } from '../shared/hooks/useRequest';
import type { WidgetStatus } from '../shared/types';
import { OverviewCard } from './OverviewCard';
import { useReadAfterChecks } from './useReadAfterChecks';
import { placementInWords } from './placement';

interface Props {
	onOpen: ( tab: string ) => void;
	/** When the checks last ran: a fixed connection shows a hidden chatbot again. */
	checkedAt: string | null;
}

const STATES: Record< WidgetStatus[ 'state' ], string > = {
	on: __( 'On: visitors see the chatbot.', 'causerie-connector' ),
	off: __( 'Off: visitors don’t see the chatbot.', 'causerie-connector' ),
	hidden: __(
		'Hidden: the chatbot is on, but visitors won’t see it until the connection is fixed.',
		'causerie-connector'
	),
	unavailable: __(
		'Not shown yet: the chatbot is on, but Causerie hasn’t sent its settings yet.',
		'causerie-connector'
	),
};

function Lines( { widget }: { widget: WidgetStatus } ) {
	if ( widget.state === 'off' ) {
		return <p>{ STATES.off }</p>;
	}
	return (
		<>
			<p>{ STATES[ widget.state ] }</p>
			<p>{ placementInWords( widget ) }</p>
			{ widget.state === 'on' && widget.previewUrl && (
				<p>
					<a
						href={ widget.previewUrl }
						target="_blank"
						rel="noreferrer"
					>
						{ __( 'Preview', 'causerie-connector' ) }
						<span className="screen-reader-text">
							{ __(
								'(opens in a new tab)',
								'causerie-connector'
							) }
						</span>
					</a>
				</p>
			) }
			{ widget.state === 'on' && ! widget.previewUrl && (
				<p>
					{ __(
						'No published page shows it yet.',
						'causerie-connector'
					) }
				</p>
			) }
		</>
	);
}

/**
 * Whether visitors see the chatbot, where, and a page to see it on.
 *
 * @param props           Component props.
 * @param props.onOpen    Opens a tab of the screen.
 * @param props.checkedAt When the checks last ran.
 */
export function ChatbotCard( { onOpen, checkedAt }: Props ) {
	const { data, error, run } = useRequest( fetchWidget, { args: [] } );
	useReadAfterChecks( run, checkedAt );
	return (
		<OverviewCard
			title={ __( 'Chatbot on your site', 'causerie-connector' ) }
			detail={ {
				tab: 'chatbot',
				label: __( 'Chatbot settings', 'causerie-connector' ),
			} }
			onOpen={ onOpen }
			error={ error }
		>
			{ data && <Lines widget={ data } /> }
		</OverviewCard>
	);
}
