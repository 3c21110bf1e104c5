import { setLocaleData } from '@wordpress/i18n';

import { apiWords } from '../../../src/shared/apiWords';

describe( 'apiWords', () => {
	afterEach( () => setLocaleData( {}, 'causerie-connector' ) );

	it( 'keeps the API’s English words and frames them in the admin’s language', () => {
		setLocaleData(
			{
				'Causerie answered: “%s”': [ 'Causerie a répondu : « %s »' ],
			},
			'causerie-connector'
		);

		expect( apiWords( 'The access token was revoked' ) ).toBe(
			'Causerie a répondu : « The access token was revoked »'
		);
	} );
} );
