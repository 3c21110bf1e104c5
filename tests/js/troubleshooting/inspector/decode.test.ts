import {
	decodeToken,
	normaliseToken,
} from '../../../../src/troubleshooting/inspector/decode';
import { NOW, accessToken, signingKey } from './tokens';

describe( 'decodeToken', () => {
	it( 'reads the header and claims without verifying', async () => {
		const token = await accessToken( await signingKey( 'ES256', 'k1' ) );

		const result = decodeToken( token );

		expect( result ).toEqual( {
			ok: true,
			decoded: {
				token,
				header: { alg: 'ES256', kid: 'k1', typ: 'at+jwt' },
				claims: expect.objectContaining( {
					iss: 'http://127.0.0.1:8877',
					environment: 'development',
					exp: NOW + 3600,
				} ),
			},
		} );
	} );

	it( 'cleans what comes along when a token is copied', async () => {
		const token = await accessToken( await signingKey( 'RS256' ) );
		const pasted = `  Bearer ${ token.slice( 0, 40 ) }\n${ token.slice( 40 ) }\n`;

		expect( normaliseToken( pasted ) ).toBe( token );
		expect( decodeToken( pasted ) ).toMatchObject( {
			ok: true,
			decoded: { token },
		} );
	} );

	it.each( [
		[ 'empty text', '' ],
		[ 'text that is not a token', 'hello' ],
		[ 'segments that are not base64url JSON', 'not.a.jwt' ],
		[ 'a payload that is not an object', 'eyJhbGciOiJSUzI1NiJ9.WzFd.c2ln' ],
		[ 'a header that is not JSON', 'bm9wZQ.eyJhIjoxfQ.c2ln' ],
		[ 'an encrypted token (five segments)', 'eyJhbGciOiJkaXIifQ.a.b.c.d' ],
	] )( 'calls %s malformed', ( _case, input ) => {
		expect( decodeToken( input ) ).toEqual( {
			ok: false,
			code: 'token_malformed',
		} );
	} );
} );
