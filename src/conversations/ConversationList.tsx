import { Button, Notice, Spinner } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	fetchConversations,
	MISSING_SCOPE_CODE,
} from '../shared/api/conversations';
import type { DiagnosisCode } from '../shared/codes';
import { formatMoment } from '../shared/time';
import type { ConversationSummary } from '../shared/types';
import { ConversationModal } from './ConversationModal';
import { MissingScope } from './MissingScope';
import { Sources } from './Sources';
import { usePages, type Page } from './hooks/usePages';
import { scopeOf } from './scopeOf';

// Module-level, so the hook reads the first page once.
const loadConversations = ( cursor: string | null ) =>
	fetchConversations( cursor ).then(
		( page ): Page< ConversationSummary > => ( {
			items: page.conversations,
			next: page.nextCursor,
		} )
	);

interface Props {
	onFix: ( code: DiagnosisCode ) => void;
}

/**
 * Recent conversations, newest first, a page at a time; each opens to its messages.
 *
 * @param props       Component props.
 * @param props.onFix Opens the repair wizard.
 */
export function ConversationList( { onFix }: Props ) {
	const { items, isBusy, error, hasMore, loadMore } =
		usePages( loadConversations );
	const [ open, setOpen ] = useState< string | null >( null );

	if ( error?.code === MISSING_SCOPE_CODE ) {
		return <MissingScope scope={ scopeOf( error ) } onFix={ onFix } />;
	}
	const failure = error && (
		<Notice status="error" isDismissible={ false }>
			{ error.message }
		</Notice>
	);
	if ( ! items ) {
		return failure || <Spinner />;
	}
	if ( items.length === 0 ) {
		return (
			<div className="causerie-conversations-empty">
				<p>
					<strong>
						{ __( 'No conversations yet', 'causerie-connector' ) }
					</strong>
				</p>
				<p>
					{ __(
						'Conversations appear here once visitors talk to the chatbot.',
						'causerie-connector'
					) }{ ' ' }
					<a href="#chatbot">
						{ __( 'Turn the chatbot on', 'causerie-connector' ) }
					</a>
				</p>
			</div>
		);
	}
	return (
		<>
			<table className="widefat striped causerie-conversations">
				<caption className="screen-reader-text">
					{ __(
						'Recent conversations, newest first',
						'causerie-connector'
					) }
				</caption>
				<thead>
					<tr>
						<th scope="col">
							{ __( 'Date', 'causerie-connector' ) }
						</th>
						<th scope="col">
							{ __( 'First question', 'causerie-connector' ) }
						</th>
						<th scope="col">
							{ __( 'Messages', 'causerie-connector' ) }
						</th>
						<th scope="col">
							{ __( 'Lead', 'causerie-connector' ) }
						</th>
						<th scope="col">
							{ __( 'Pages quoted', 'causerie-connector' ) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ items.map( ( conversation ) => (
						<tr key={ conversation.id }>
							<td>
								<time dateTime={ conversation.startedAt }>
									{ formatMoment( conversation.startedAt ) }
								</time>
							</td>
							<td>
								<Button
									variant="link"
									onClick={ () => setOpen( conversation.id ) }
									aria-label={ sprintf(
										/* translators: %s: the visitor's first question. */
										__(
											'Open the conversation “%s”',
											'causerie-connector'
										),
										conversation.firstQuestion
									) }
								>
									{ conversation.firstQuestion }
								</Button>
							</td>
							<td>{ conversation.messages }</td>
							<td>
								{ conversation.lead
									? __( 'Yes', 'causerie-connector' )
									: __( 'No', 'causerie-connector' ) }
							</td>
							<td>
								<Sources sources={ conversation.sources } />
							</td>
						</tr>
					) ) }
				</tbody>
			</table>
			{ failure }
			{ hasMore && (
				<Button
					variant="secondary"
					onClick={ loadMore }
					isBusy={ isBusy }
					disabled={ isBusy }
					accessibleWhenDisabled
				>
					{ __( 'Load more', 'causerie-connector' ) }
				</Button>
			) }
			{ open !== null && (
				<ConversationModal
					id={ open }
					onClose={ () => setOpen( null ) }
				/>
			) }
		</>
	);
}
