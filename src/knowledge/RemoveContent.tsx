import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

interface Props {
	isBusy: boolean;
	onRemove: () => Promise< void >;
}

/**
 * "Remove my content from Causerie", never by accident: the button asks once more, in plain words, before
 * every document of the site leaves the chatbot's knowledge.
 *
 * @param props          Component props.
 * @param props.isBusy   Whether another action is under way.
 * @param props.onRemove Removes the content.
 */
export function RemoveContent( { isBusy, onRemove }: Props ) {
	const [ isAsking, setIsAsking ] = useState( false );
	return (
		<div className="causerie-knowledge-remove">
			<h3>
				{ __(
					'Remove your content from Causerie',
					'causerie-connector'
				) }
			</h3>
			{ isAsking ? (
				<>
					<p>
						{ __(
							'Every page of this site will be removed from the chatbot’s knowledge, and nothing will be sent again until you choose content to include. Your posts and pages stay as they are.',
							'causerie-connector'
						) }
					</p>
					<Button
						variant="primary"
						isDestructive
						disabled={ isBusy }
						onClick={ () =>
							onRemove().then( () => setIsAsking( false ) )
						}
					>
						{ __( 'Yes, remove my content', 'causerie-connector' ) }
					</Button>{ ' ' }
					<Button
						variant="tertiary"
						onClick={ () => setIsAsking( false ) }
					>
						{ __( 'Keep it', 'causerie-connector' ) }
					</Button>
				</>
			) : (
				<Button
					variant="secondary"
					isDestructive
					disabled={ isBusy }
					onClick={ () => setIsAsking( true ) }
				>
					{ __(
						'Remove my content from Causerie…',
						'causerie-connector'
					) }
				</Button>
			) }
		</div>
	);
}
