import { __ } from '@wordpress/i18n';

import type { DiagnosisTexts, LoggedEvent } from '../shared/types';
import {
	eventCode,
	eventLabel,
	kindLabel,
	localTime,
	summarizeContext,
} from './eventFormat';

interface Props {
	events: LoggedEvent[];
	texts: DiagnosisTexts | null;
}

/**
 * Events as a wp-admin table: local time, kind, what happened in plain words (with a diagnosis' code, for support),
 * and the details.
 *
 * @param props        Component props.
 * @param props.events The events, newest first.
 * @param props.texts  The diagnoses' texts, for their titles.
 */
export function EventTable( { events, texts }: Props ) {
	const code = ( event: LoggedEvent ) =>
		eventCode( event.code, texts, event.context, event.kind );
	return (
		<table className="widefat striped causerie-event-table">
			<caption className="screen-reader-text">
				{ __( 'Recent events, newest first', 'causerie-connector' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Time', 'causerie-connector' ) }</th>
					<th scope="col">{ __( 'Kind', 'causerie-connector' ) }</th>
					<th scope="col">{ __( 'Event', 'causerie-connector' ) }</th>
					<th scope="col">
						{ __( 'Details', 'causerie-connector' ) }
					</th>
				</tr>
			</thead>
			<tbody>
				{ events.map( ( event ) => (
					<tr key={ event.id }>
						<td>
							<time dateTime={ event.createdAt }>
								{ localTime( event.createdAt ) }
							</time>
						</td>
						<td>{ kindLabel( event.kind ) }</td>
						<td>
							{ eventLabel(
								event.code,
								texts,
								event.context,
								event.kind
							) }
							{ code( event ) && (
								<>
									{ ' ' }
									<code>{ code( event ) }</code>
								</>
							) }
						</td>
						<td>{ summarizeContext( event.context ) || '—' }</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
