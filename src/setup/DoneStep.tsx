import { Button } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

interface Props {
	/** How many items went to the chatbot's knowledge. */
	sent: number;
	/** Whether the credentials may update the chatbot's knowledge at all. */
	knowledgeAllowed: boolean;
	/** The site's home page, where the chatbot now shows. */
	homeUrl: string;
	/** To the full screen. */
	onOverview: () => void;
}

/**
 * What became of the chatbot's knowledge, in a sentence.
 *
 * @param sent             Items sent to the knowledge base.
 * @param knowledgeAllowed Whether the credentials may update the knowledge.
 */
function knowledgeLine( sent: number, knowledgeAllowed: boolean ): string {
	if ( ! knowledgeAllowed ) {
		return __(
			'No content was sent: Causerie doesn’t allow these credentials to update the chatbot’s knowledge.',
			'causerie-connector'
		);
	}
	return sent > 0
		? sprintf(
				/* translators: %d: how many pages and posts */
				_n(
					'%d item is on its way to the chatbot’s knowledge. This goes on in the background; the Knowledge tab shows how far it got.',
					'%d items are on their way to the chatbot’s knowledge. This goes on in the background; the Knowledge tab shows how far it got.',
					sent,
					'causerie-connector'
				),
				sent
			)
		: __(
				'No content was sent yet. Choose some on the Knowledge tab when you are ready.',
				'causerie-connector'
			);
}

/**
 * Step 5: what was set up, and where to go next.
 *
 * @param props                  Component props.
 * @param props.sent             Items sent to the knowledge base.
 * @param props.knowledgeAllowed Whether the credentials may update the knowledge.
 * @param props.homeUrl          The site's home page.
 * @param props.onOverview       Leaves the first run.
 */
export function DoneStep( {
	sent,
	knowledgeAllowed,
	homeUrl,
	onOverview,
}: Props ) {
	return (
		<div className="causerie-first-run__done">
			<ul className="causerie-first-run__summary">
				<li>
					{ __(
						'This site is connected to Causerie.',
						'causerie-connector'
					) }
				</li>
				<li>{ knowledgeLine( sent, knowledgeAllowed ) }</li>
				<li>
					{ __(
						'The chatbot is on: your visitors see it on your site.',
						'causerie-connector'
					) }
				</li>
			</ul>
			<div className="causerie-first-run__actions">
				<Button variant="primary" href={ homeUrl }>
					{ __( 'View your site', 'causerie-connector' ) }
				</Button>
				<Button variant="secondary" onClick={ onOverview }>
					{ __( 'Go to the overview', 'causerie-connector' ) }
				</Button>
			</div>
		</div>
	);
}
