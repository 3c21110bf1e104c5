import { lockReason } from '../../../../src/connection/credentials/locks';
import { readFailure } from '../../../../src/connection/credentials/serverErrors';
import {
	isLoopbackHost,
	validateApiUrl,
	validateClientId,
	validateSecret,
} from '../../../../src/connection/credentials/validation';
import { INVALID_CLIENT } from './fixtures';

describe( 'Credential rules', () => {
	it.each( [
		[ 'localhost', true ],
		[ 'chat.localhost', true ],
		[ '127.0.0.1', true ],
		[ '127.10.0.3', true ],
		[ '[::1]', true ],
		[ 'localhost.example', false ],
		[ '128.0.0.1', false ],
		[ 'api.causerie.example', false ],
	] )( 'treats %s as this computer: %s', ( host, expected ) => {
		expect( isLoopbackHost( host ) ).toBe( expected );
	} );

	it.each( [
		[ 'http://localhost:8877', 'development', null ],
		[ 'http://[::1]:8877', 'local', null ],
		[ 'http://localhost:8877', 'staging', /https/ ],
		[ 'https://localhost', 'production', null ],
		[ 'ftp://api.causerie.example', 'local', /https/ ],
		[ 'https://api.causerie.example#top', 'production', /fragment/ ],
		[
			`https://api.causerie.example/${ 'a'.repeat( 2048 ) }`,
			'production',
			/full address/,
		],
	] as const )( 'checks %s on a %s site', ( url, environment, expected ) => {
		const message = validateApiUrl( url, environment );
		if ( expected === null ) {
			expect( message ).toBeNull();
		} else {
			expect( message ).toMatch( expected );
		}
	} );

	it( 'limits the client ID to 191 characters, and ignores spaces around it', () => {
		expect( validateClientId( 'a'.repeat( 191 ) ) ).toBeNull();
		expect( validateClientId( 'a'.repeat( 192 ) ) ).toMatch( /191/ );
		expect( validateClientId( '  wp-production  ' ) ).toBeNull();
	} );

	it( 'keeps a stored secret when the field is left empty, and bounds a new one', () => {
		expect( validateSecret( '', false ) ).toBeNull();
		expect( validateSecret( 'x'.repeat( 512 ), false ) ).toBeNull();
		expect( validateSecret( 'x'.repeat( 513 ), false ) ).toMatch( /512/ );
		expect( validateSecret( 'sécret-accentué', false ) ).toMatch(
			/accented/
		);
	} );

	it( 'names the profile’s own variable and the shared one of a locked field', () => {
		expect( lockReason( 'scopes', 'environment', 'staging' ) ).toBe(
			'Set by the CAUSERIE_SCOPES environment variable (or CAUSERIE_STAGING_SCOPES) on the server, and can only be changed there.'
		);
	} );

	it( 'reads a diagnosis, a missing parameter, and a response that is not a REST error', () => {
		expect( readFailure( INVALID_CLIENT ).diagnosis?.steps ).toHaveLength(
			3
		);
		expect(
			readFailure( {
				code: 'rest_missing_callback_param',
				message: 'Missing parameter(s): apiUrl',
				data: { status: 400, params: [ 'apiUrl' ] },
			} ).fieldErrors
		).toEqual( { apiUrl: 'This field is required.' } );
		expect(
			readFailure( {
				code: 'rest_invalid_param',
				message: 'Invalid parameter(s): environment',
				data: {
					status: 400,
					params: {
						environment:
							'environment is not one of local, development, staging, and production.',
					},
				},
			} )
		).toEqual( {
			fieldErrors: {},
			message:
				'environment is not one of local, development, staging, and production.',
			diagnosis: null,
		} );
		expect(
			readFailure( new TypeError( 'Failed to fetch' ) ).message
		).toMatch( /WordPress answered with something unexpected/ );
	} );
} );
