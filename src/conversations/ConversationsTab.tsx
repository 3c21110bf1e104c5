/**
 * The Conversations tab: what visitors asked the chatbot, the leads they left, and the lead emails. The
 * screen loads it on its own (the default export), so it imports nothing the other tabs need.
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { DiagnosisCode } from '../shared/codes';
import { ConversationList } from './ConversationList';
import { LeadEmails } from './LeadEmails';
import { LeadList } from './LeadList';

// Toggle buttons, not a second row of tabs: a tab list inside the screen's own would read as one.
const VIEWS = [
	{
		name: 'conversations',
		title: __( 'Recent conversations', 'causerie-connector' ),
	},
	{ name: 'leads', title: __( 'Leads', 'causerie-connector' ) },
] as const;

interface Props {
	/** Opens the repair wizard on a cause, such as the missing read:conversations permission. */
	onFix: ( code: DiagnosisCode ) => void;
}

/**
 * @param props       Component props.
 * @param props.onFix Opens the repair wizard.
 */
export default function ConversationsTab( { onFix }: Props ) {
	const [ view, setView ] =
		useState< ( typeof VIEWS )[ number ][ 'name' ] >( 'conversations' );
	return (
		<div className="causerie-conversations-tab">
			<div
				role="group"
				aria-label={ __( 'Show', 'causerie-connector' ) }
				className="causerie-conversations-tab__views"
			>
				{ VIEWS.map( ( { name, title } ) => (
					<Button
						key={ name }
						variant="secondary"
						isPressed={ view === name }
						onClick={ () => setView( name ) }
					>
						{ title }
					</Button>
				) ) }
			</div>
			{ view === 'leads' ? (
				<>
					<LeadList onFix={ onFix } />
					<LeadEmails />
				</>
			) : (
				<ConversationList onFix={ onFix } />
			) }
		</div>
	);
}
