import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Flex,
	FlexItem,
	Notice,
	SelectControl,
	Spinner,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { useEvents } from './hooks/useEvents';
import type { DiagnosisTexts, EventKind } from '../shared/types';
import { EVENT_KINDS, kindLabel } from './eventFormat';
import { EventTable } from './EventTable';

type KindFilter = EventKind | '';

interface Props {
	/** The diagnoses' texts, for their titles; codes show as they are until these load. */
	texts?: DiagnosisTexts | null;
}

/**
 * The connection's recent events, filterable by kind. The server redacts them before they get here.
 *
 * @param props       Component props.
 * @param props.texts The diagnoses' texts.
 */
export function EventLog( { texts = null }: Props ) {
	const [ kind, setKind ] = useState< KindFilter >( '' );
	const { data, isBusy, error, reload } = useEvents( kind );
	const options: Array< { value: KindFilter; label: string } > = [
		{ value: '', label: __( 'All events', 'causerie-connector' ) },
		...EVENT_KINDS.map( ( value ) => ( {
			value,
			label: kindLabel( value ),
		} ) ),
	];

	return (
		<Card className="causerie-event-log">
			<CardHeader>
				<h2>{ __( 'Event log', 'causerie-connector' ) }</h2>
			</CardHeader>
			<CardBody>
				<p>
					{ __(
						'What happened to the connection in the last 30 days, newest first. Secrets and tokens are never shown.',
						'causerie-connector'
					) }
				</p>
				<Flex align="flex-end" justify="flex-start" wrap>
					<FlexItem>
						<SelectControl< KindFilter >
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __(
								'Kind of event',
								'causerie-connector'
							) }
							value={ kind }
							options={ options }
							onChange={ setKind }
						/>
					</FlexItem>
					<FlexItem>
						<Button
							__next40pxDefaultSize
							variant="secondary"
							onClick={ reload }
							isBusy={ isBusy }
							disabled={ isBusy }
							accessibleWhenDisabled
						>
							{ __( 'Refresh', 'causerie-connector' ) }
						</Button>
					</FlexItem>
				</Flex>
				{ error && (
					<Notice status="error" isDismissible={ false }>
						<p>{ error.message }</p>
						<Button variant="secondary" onClick={ reload }>
							{ __( 'Try again', 'causerie-connector' ) }
						</Button>
					</Notice>
				) }
				{ ! data && isBusy && (
					<p role="status">
						<Spinner />
						{ __( 'Loading events…', 'causerie-connector' ) }
					</p>
				) }
				{ data && data.length === 0 && (
					<p>
						{ kind
							? __(
									'No events of this kind in the last 30 days.',
									'causerie-connector'
								)
							: __(
									'No events recorded in the last 30 days.',
									'causerie-connector'
								) }
					</p>
				) }
				{ data && data.length > 0 && (
					<EventTable events={ data } texts={ texts } />
				) }
			</CardBody>
		</Card>
	);
}
