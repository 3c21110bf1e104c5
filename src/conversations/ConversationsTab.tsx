/**
 * The Conversations tab: what visitors asked the chatbot, the leads they left, and the lead emails. The
 * screen loads it on its own (the default export), so it imports nothing the other tabs need.
 */
import { TabPanel } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { DiagnosisCode } from '../diagnosis/codes';
import { ConversationList } from './ConversationList';
import { LeadEmails } from './LeadEmails';
import { LeadList } from './LeadList';

const VIEWS = [
	// Not "Conversations": the screen's own tab already has that name.
	{
		name: 'conversations',
		title: __( 'Recent conversations', 'causerie-connector' ),
	},
	{ name: 'leads', title: __( 'Leads', 'causerie-connector' ) },
];

interface Props {
	/** Opens the repair wizard on a cause, such as the missing read:conversations permission. */
	onFix: ( code: DiagnosisCode ) => void;
}

/**
 * @param props       Component props.
 * @param props.onFix Opens the repair wizard.
 */
export default function ConversationsTab( { onFix }: Props ) {
	return (
		<TabPanel className="causerie-conversations-tab" tabs={ VIEWS }>
			{ ( view ) =>
				view.name === 'leads' ? (
					<>
						<LeadList onFix={ onFix } />
						<LeadEmails />
					</>
				) : (
					<ConversationList onFix={ onFix } />
				)
			}
		</TabPanel>
	);
}
