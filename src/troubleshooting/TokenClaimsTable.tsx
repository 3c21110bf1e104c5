import { __ } from '@wordpress/i18n';

import { useNow } from '../shared/hooks/useNow';
import { claimRows, countdown, isDate } from './inspector/claims';
import type { DecodedToken } from './inspector/decode';
import type { Expected } from './inspector/inspect';
import { ACCESS_TOKEN_TYPE } from './inspector/verify';

interface Props {
	decoded: DecodedToken;
	/** What the site expects; null when the settings are not known. */
	expected: Expected | null;
}

function expectedValues( expected: Expected | null ): Record< string, string > {
	if ( ! expected ) {
		return { typ: ACCESS_TOKEN_TYPE };
	}
	return {
		typ: ACCESS_TOKEN_TYPE,
		iss: expected.issuer,
		aud: expected.audience ?? '',
		scope: expected.scopes.join( ' ' ),
		environment: expected.environment,
	};
}

function TimeLeft( { exp }: { exp: number } ) {
	const now = useNow();
	const { expired, text } = countdown( exp, now );
	return (
		<span
			className={
				expired ? 'causerie-countdown is-expired' : 'causerie-countdown'
			}
		>
			{ text }
		</span>
	);
}

/**
 * The header and claims, each beside what this site expects, with a live countdown to expiry.
 */
export function TokenClaimsTable( { decoded, expected }: Props ) {
	const expectations = expectedValues( expected );
	const { exp } = decoded.claims;
	return (
		<table className="widefat striped causerie-claims">
			<caption>
				{ __( 'Header and claims', 'causerie-connector' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Field', 'causerie-connector' ) }</th>
					<th scope="col">
						{ __( 'In the token', 'causerie-connector' ) }
					</th>
					<th scope="col">
						{ __( 'Expected by this site', 'causerie-connector' ) }
					</th>
				</tr>
			</thead>
			<tbody>
				{ claimRows( decoded.header, decoded.claims ).map( ( row ) => (
					<tr key={ row.name }>
						<th scope="row">
							{ row.label } <code>{ row.name }</code>
						</th>
						<td>{ row.value }</td>
						<td>{ expectations[ row.name ] ?? '' }</td>
					</tr>
				) ) }
				{ isDate( exp ) && (
					<tr>
						<th scope="row">
							{ __( 'Time left', 'causerie-connector' ) }
						</th>
						<td>
							<TimeLeft exp={ exp } />
						</td>
						<td />
					</tr>
				) }
			</tbody>
		</table>
	);
}
