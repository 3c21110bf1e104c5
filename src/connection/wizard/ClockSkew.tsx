import { __, sprintf } from '@wordpress/i18n';

import { formatDuration, formatMoment } from '../../shared/time';

interface Props {
	/** What the clock check saw. */
	evidence: Record< string, unknown >;
}

function moment( value: unknown ): string | null {
	return typeof value === 'string' && ! Number.isNaN( Date.parse( value ) )
		? formatMoment( value )
		: null;
}

/**
 * By how much the two clocks differ, and both times as the check saw them: the check can't tell which clock
 * is wrong, so the admin compares them with a clock they trust. Nothing when the checks did not measure it.
 *
 * @param props          Component props.
 * @param props.evidence The clock check's evidence.
 */
export function ClockSkew( { evidence }: Props ) {
	const skew = evidence.skewSeconds;
	if ( typeof skew !== 'number' ) {
		return null;
	}
	const site = moment( evidence.siteTime );
	const api = moment( evidence.apiTime );
	return (
		<>
			<p>
				{ sprintf(
					/* translators: %s: a duration such as "5 min" */
					__(
						'This server’s clock and Causerie’s differ by %s.',
						'causerie-connector'
					),
					formatDuration( skew )
				) }
			</p>
			{ site && api && (
				<dl className="causerie-wizard__evidence">
					<div>
						<dt>
							{ __( 'This server’s time', 'causerie-connector' ) }
						</dt>
						<dd>{ site }</dd>
					</div>
					<div>
						<dt>
							{ __( 'Causerie’s time', 'causerie-connector' ) }
						</dt>
						<dd>{ api }</dd>
					</div>
				</dl>
			) }
		</>
	);
}
