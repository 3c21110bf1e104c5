import { Modal, Notice, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { fetchConversation } from '../shared/api/conversations';
import { toRestError } from '../shared/api/rest';
import { formatMoment } from '../shared/time';
import type { ConversationDetail, RestError } from '../shared/types';
import { Contact } from './Contact';
import { Sources } from './Sources';

interface Props {
	id: string;
	onClose: () => void;
}

/**
 * One conversation's messages in order, with the pages each answer quoted and the contact left, if any.
 *
 * @param props         Component props.
 * @param props.id      The conversation's id.
 * @param props.onClose Closes the dialog.
 */
export function ConversationModal( { id, onClose }: Props ) {
	const [ detail, setDetail ] = useState< ConversationDetail | null >( null );
	const [ error, setError ] = useState< RestError | null >( null );

	useEffect( () => {
		let current = true;
		fetchConversation( id )
			.then( ( answer ) => current && setDetail( answer ) )
			.catch(
				( reason: unknown ) =>
					current && setError( toRestError( reason ) )
			);
		return () => {
			current = false;
		};
	}, [ id ] );

	return (
		<Modal
			title={
				detail
					? sprintf(
							/* translators: %s: when the conversation started. */
							__( 'Conversation of %s', 'causerie-connector' ),
							formatMoment( detail.startedAt )
						)
					: __( 'Conversation', 'causerie-connector' )
			}
			onRequestClose={ onClose }
			size="medium"
		>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error.message }
				</Notice>
			) }
			{ ! detail && ! error && <Spinner /> }
			{ detail && (
				<>
					<ol className="causerie-transcript">
						{ detail.transcript.map( ( message ) => (
							<li key={ message.id }>
								<strong>
									{ message.role === 'visitor'
										? __( 'Visitor', 'causerie-connector' )
										: __(
												'Chatbot',
												'causerie-connector'
											) }
								</strong>{ ' ' }
								<time dateTime={ message.sentAt }>
									{ formatMoment( message.sentAt ) }
								</time>
								<p>{ message.text }</p>
								{ message.sources.length > 0 && (
									<>
										{ __(
											'Sources:',
											'causerie-connector'
										) }
										<Sources sources={ message.sources } />
									</>
								) }
							</li>
						) ) }
					</ol>
					<Contact contact={ detail.contact } />
				</>
			) }
		</Modal>
	);
}
