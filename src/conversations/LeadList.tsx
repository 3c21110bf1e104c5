import { Button, Notice, Spinner } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { fetchLeads, MISSING_SCOPE_CODE } from '../shared/api/conversations';
import { toRestError } from '../shared/api/rest';
import { downloadText } from '../shared/export';
import type { DiagnosisCode } from '../shared/codes';
import { formatMoment } from '../shared/time';
import type { Lead, RestError } from '../shared/types';
import { ConversationModal } from './ConversationModal';
import { allLeads, leadsCsv, leadsFileName } from './csv';
import { MissingScope } from './MissingScope';
import { scopeOf } from './scopeOf';
import { usePages, type Page } from './hooks/usePages';

// The API's largest page: an export asks as few times as it can.
const EXPORT_PAGE = 100;

// The cursor after the last lead is never null; hasMore says whether there is a next page.
const loadLeads = ( cursor: string | null ) =>
	fetchLeads( cursor ).then( ( page ): Page< Lead > => ( {
		items: page.leads,
		next: page.hasMore ? page.nextCursor : null,
	} ) );

interface Props {
	onFix: ( code: DiagnosisCode ) => void;
}

/**
 * The visitors who left an email or a phone number, oldest first as Causerie keeps them, and all of them
 * as a CSV file.
 *
 * @param props       Component props.
 * @param props.onFix Opens the repair wizard.
 */
export function LeadList( { onFix }: Props ) {
	const { items, isBusy, error, hasMore, loadMore } = usePages( loadLeads );
	const [ open, setOpen ] = useState< string | null >( null );
	const [ isExporting, setIsExporting ] = useState( false );
	const [ exportError, setExportError ] = useState< RestError | null >(
		null
	);

	const exportCsv = () => {
		setIsExporting( true );
		setExportError( null );
		allLeads( ( cursor ) => fetchLeads( cursor, EXPORT_PAGE ) )
			.then( ( leads ) =>
				downloadText(
					// The byte order mark makes Excel read the file as UTF-8.
					'\ufeff' + leadsCsv( leads ),
					leadsFileName( new Date() ),
					'text/csv;charset=utf-8'
				)
			)
			.catch( ( reason: unknown ) =>
				setExportError( toRestError( reason ) )
			)
			.finally( () => setIsExporting( false ) );
	};

	const refusal = error ?? exportError;
	if ( refusal?.code === MISSING_SCOPE_CODE ) {
		return <MissingScope scope={ scopeOf( refusal ) } onFix={ onFix } />;
	}
	const failure = refusal && (
		<Notice status="error" isDismissible={ false }>
			{ refusal.message }
		</Notice>
	);
	if ( ! items ) {
		return failure || <Spinner />;
	}
	return (
		<>
			{ items.length === 0 ? (
				<p>{ __( 'No leads yet.', 'causerie-connector' ) }</p>
			) : (
				<table className="widefat striped causerie-leads">
					<caption className="screen-reader-text">
						{ __( 'Leads, oldest first', 'causerie-connector' ) }
					</caption>
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Date', 'causerie-connector' ) }
							</th>
							<th scope="col">
								{ __( 'Email', 'causerie-connector' ) }
							</th>
							<th scope="col">
								{ __( 'Phone', 'causerie-connector' ) }
							</th>
							<th scope="col">
								{ __( 'Conversation', 'causerie-connector' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ items.map( ( lead ) => (
							<tr key={ lead.id }>
								<td>
									<time dateTime={ lead.capturedAt }>
										{ formatMoment( lead.capturedAt ) }
									</time>
								</td>
								<td>{ lead.email ?? '—' }</td>
								<td>{ lead.phone ?? '—' }</td>
								<td>
									<Button
										variant="link"
										onClick={ () =>
											setOpen( lead.conversationId )
										}
										aria-label={ sprintf(
											/* translators: %s: the email or phone number the visitor left. */
											__(
												'Open the conversation with %s',
												'causerie-connector'
											),
											lead.email ?? lead.phone ?? ''
										) }
									>
										{ __(
											'Open the conversation',
											'causerie-connector'
										) }
									</Button>
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
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
			) }{ ' ' }
			{ items.length > 0 && (
				<Button
					variant="primary"
					onClick={ exportCsv }
					isBusy={ isExporting }
					disabled={ isExporting }
					accessibleWhenDisabled
				>
					{ __( 'Export CSV', 'causerie-connector' ) }
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
