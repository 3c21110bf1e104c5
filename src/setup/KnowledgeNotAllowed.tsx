import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

interface Props {
	onContinue: () => void;
}

/**
 * Step 3 for credentials Causerie doesn't allow to update the knowledge (a client allowed only the widget):
 * nothing to choose, since anything sent would be refused and pause the sync.
 *
 * @param props            Component props.
 * @param props.onContinue On to the chatbot.
 */
export function KnowledgeNotAllowed( { onContinue }: Props ) {
	return (
		<div className="causerie-first-run__form">
			<p>
				{ __(
					'Causerie doesn’t allow these credentials to update the chatbot’s knowledge, so no content from your site is sent to it.',
					'causerie-connector'
				) }
			</p>
			<p>
				{ __(
					'To let it learn from your site later, ask Causerie for credentials that do, then save them in Credentials.',
					'causerie-connector'
				) }
			</p>
			<Button variant="primary" onClick={ onContinue }>
				{ __( 'Continue', 'causerie-connector' ) }
			</Button>
		</div>
	);
}
