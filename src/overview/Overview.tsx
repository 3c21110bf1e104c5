import type { ReactNode } from 'react';

import { ActivityCard } from './ActivityCard';
import { ChatbotCard } from './ChatbotCard';
import { KnowledgeCard } from './KnowledgeCard';

interface Props {
	/** The connection's card: the screen's status, with Fix it and the screen's one Check again. */
	connection: ReactNode;
	onOpen: ( tab: string ) => void;
	/** When the checks last ran: the cards read again after a run. */
	checkedAt: string | null;
	/** Whether the credentials were saved with the permission to update the knowledge. */
	knowledgeAllowed: boolean;
}

/**
 * The screen's first tab: four plain cards, each a few lines and a link to its tab. The connection's card
 * comes from the preloaded status, so it paints at once; the other three read their data after the paint.
 *
 * @param props                  Component props.
 * @param props.connection       The connection's card.
 * @param props.onOpen           Opens a tab of the screen.
 * @param props.checkedAt        When the checks last ran.
 * @param props.knowledgeAllowed Whether the credentials may update the knowledge.
 */
export function Overview( {
	connection,
	onOpen,
	checkedAt,
	knowledgeAllowed,
}: Props ) {
	return (
		<div className="causerie-overview">
			<ChatbotCard onOpen={ onOpen } checkedAt={ checkedAt } />
			<KnowledgeCard
				onOpen={ onOpen }
				checkedAt={ checkedAt }
				knowledgeAllowed={ knowledgeAllowed }
			/>
			<ActivityCard onOpen={ onOpen } checkedAt={ checkedAt } />
			<div className="causerie-overview__connection">{ connection }</div>
		</div>
	);
}
