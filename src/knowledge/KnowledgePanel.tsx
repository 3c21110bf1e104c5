import { useState } from '@wordpress/element';
import {
	Button,
	CheckboxControl,
	Notice,
	Spinner,
} from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

import { DiagnosisNotice } from '../shared/DiagnosisNotice';
import { isDiagnosisCode, type DiagnosisCode } from '../shared/codes';
import { formatDuration, formatRelative } from '../shared/time';
import { useNow } from '../shared/hooks/useNow';
import { ScopeName } from '../shared/ScopeName';
import { KNOWLEDGE_SCOPE } from '../shared/scopes';
import type { DiagnosisTexts, SyncReconcile } from '../shared/types';
import { RemoveContent } from './RemoveContent';
import { useSync } from './hooks/useSync';

interface Props {
	texts: DiagnosisTexts | null;
	/** Opens the repair wizard on a cause. */
	onFix: ( code: DiagnosisCode ) => void;
	/** When the live checks last ran: a pause they lifted shows at once. */
	checkedAt?: string | null;
}

const iso = ( seconds: number ) => new Date( seconds * 1000 ).toISOString();

function fixed( report: SyncReconcile ): string {
	return sprintf(
		/* translators: 1: posts checked, 2: missing, 3: out of date, 4: left over in the knowledge base. */
		_n(
			'Checked %1$d page: %2$d missing, %3$d out of date and %4$d left over were queued to be fixed.',
			'Checked %1$d pages: %2$d missing, %3$d out of date and %4$d left over were queued to be fixed.',
			report.checked,
			'causerie-connector'
		),
		report.checked,
		report.missing,
		report.stale,
		report.orphaned
	);
}

/**
 * The Knowledge tab: how much of the site the chatbot knows, the full sync, failures, and what to send.
 *
 * @param props           Component props.
 * @param props.texts     The diagnoses' texts.
 * @param props.onFix     Opens the repair wizard.
 * @param props.checkedAt When the live checks last ran.
 */
export function KnowledgePanel( { texts, onFix, checkedAt = null }: Props ) {
	const { status, isBusy, error, act, saveTypes, remove } =
		useSync( checkedAt );
	const now = useNow( 30000 );
	const [ chosen, setChosen ] = useState< string[] | null >( null );
	if ( ! status ) {
		return error ? (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		) : (
			<Spinner />
		);
	}
	const { fullSync: full, pause } = status;
	const types =
		chosen ??
		status.postTypes
			.filter( ( type ) => type.chosen )
			.map( ( t ) => t.name );
	const code = pause && isDiagnosisCode( pause.code ) ? pause.code : null;
	return (
		<div className="causerie-knowledge">
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ pause && (
				<Notice status="warning" isDismissible={ false }>
					<p>
						{ pause.code === 'insufficient_scope' ? (
							<>
								{ __(
									'Sending content to the chatbot is paused: the credentials lack the permission it needs:',
									'causerie-connector'
								) }{ ' ' }
								<ScopeName id={ KNOWLEDGE_SCOPE } />
							</>
						) : (
							__(
								'Sending content to the chatbot is paused until this is fixed:',
								'causerie-connector'
							)
						) }
					</p>
					{ code && (
						<>
							<DiagnosisNotice
								code={ code }
								text={ texts?.[ code ] }
							/>
							<Button
								variant="primary"
								onClick={ () => onFix( code ) }
							>
								{ __( 'Fix this', 'causerie-connector' ) }
							</Button>
						</>
					) }
				</Notice>
			) }
			<p className="causerie-knowledge-count">
				{ sprintf(
					/* translators: 1: pages the chatbot knows, 2: pages that qualify. */
					_n(
						"%1$d of %2$d page is in the chatbot's knowledge.",
						"%1$d of %2$d pages are in the chatbot's knowledge.",
						status.eligible,
						'causerie-connector'
					),
					status.inKnowledge,
					status.eligible
				) }{ ' ' }
				{ status.sentAt
					? sprintf(
							/* translators: %s: when, such as "2 minutes ago". */
							__( 'Last sent %s.', 'causerie-connector' ),
							formatRelative( iso( status.sentAt ), now )
						)
					: __( 'Nothing sent yet.', 'causerie-connector' ) }
			</p>
			{ full ? (
				<div className="causerie-knowledge-full">
					<progress
						max={ Math.max( full.total, 1 ) }
						value={ full.done + full.failed }
						aria-label={ __( 'Full sync', 'causerie-connector' ) }
					/>
					<p>
						{ sprintf(
							/* translators: 1: pages handled, 2: pages in all, 3: failed. */
							__(
								'Sending all content: %1$d of %2$d, %3$d failed.',
								'causerie-connector'
							),
							full.done + full.failed,
							full.total,
							full.failed
						) }{ ' ' }
						{ full.secondsLeft !== null &&
							sprintf(
								/* translators: %s: a duration, such as "3 minutes". */
								__( 'About %s left.', 'causerie-connector' ),
								formatDuration( full.secondsLeft )
							) }
					</p>
					<Button
						variant="secondary"
						disabled={ isBusy }
						onClick={ () => act( 'cancel' ) }
					>
						{ __( 'Cancel', 'causerie-connector' ) }
					</Button>
				</div>
			) : (
				<Button
					variant="primary"
					disabled={ isBusy }
					onClick={ () => act( 'full' ) }
				>
					{ __( 'Send all content now', 'causerie-connector' ) }
				</Button>
			) }{ ' ' }
			<Button
				variant="secondary"
				disabled={ isBusy }
				onClick={ () => act( 'reconcile' ) }
			>
				{ __( 'Check for differences', 'causerie-connector' ) }
			</Button>
			{ status.reconciled && <p>{ fixed( status.reconciled ) }</p> }
			{ status.failures.length > 0 && (
				<>
					<h3>{ __( 'Not sent', 'causerie-connector' ) }</h3>
					<ul className="causerie-knowledge-failures">
						{ status.failures.map( ( failure ) => (
							<li key={ failure.postId }>
								<a href={ failure.editLink }>
									{ failure.title || `#${ failure.postId }` }
								</a>
								{ ': ' }
								{ failure.error }
							</li>
						) ) }
					</ul>
					<Button
						variant="secondary"
						disabled={ isBusy }
						onClick={ () => act( 'retry' ) }
					>
						{ __( 'Retry failed items', 'causerie-connector' ) }
					</Button>
				</>
			) }
			<h3>{ __( 'Content to include', 'causerie-connector' ) }</h3>
			{ status.postTypes.map( ( type ) => (
				<CheckboxControl
					key={ type.name }
					label={ sprintf(
						/* translators: 1: a post type, such as Pages, 2: how many qualify. */
						__( '%1$s (%2$d)', 'causerie-connector' ),
						type.label,
						type.count
					) }
					checked={ types.includes( type.name ) }
					onChange={ ( on ) =>
						setChosen(
							on
								? [ ...types, type.name ]
								: types.filter( ( name ) => name !== type.name )
						)
					}
				/>
			) ) }
			<Button
				variant="primary"
				disabled={ isBusy || chosen === null }
				onClick={ () =>
					saveTypes( types ).then( () => setChosen( null ) )
				}
			>
				{ __( 'Save content types', 'causerie-connector' ) }
			</Button>
			<RemoveContent isBusy={ isBusy } onRemove={ remove } />
		</div>
	);
}
