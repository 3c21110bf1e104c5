import { __, sprintf } from '@wordpress/i18n';

import { formatDuration } from '../../shared/time';

interface Props {
	/** What the clock check saw. */
	evidence: Record< string, unknown >;
}

/**
 * By how much, and which way, this server's clock is off; nothing when the checks did not measure it.
 *
 * @param props          Component props.
 * @param props.evidence The clock check's evidence.
 */
export function ClockSkew( { evidence }: Props ) {
	const skew = evidence.skewSeconds;
	if ( typeof skew !== 'number' ) {
		return null;
	}
	return (
		<p>
			{ sprintf(
				/* translators: 1: a duration such as "5 min", 2: "ahead of" or "behind" */
				__(
					'This server’s clock is %1$s %2$s the API’s.',
					'causerie-connector'
				),
				formatDuration( skew ),
				skew > 0
					? __( 'behind', 'causerie-connector' )
					: __( 'ahead of', 'causerie-connector' )
			) }
		</p>
	);
}
